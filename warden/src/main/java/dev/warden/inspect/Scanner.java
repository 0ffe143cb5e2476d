package dev.warden.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Scans a stream (for example the data of SSE events) chunk by chunk. It keeps an overlap window of
 * recent text, so a value split across two chunks is still found, and reports every finding exactly
 * once, with offsets counted from the start of the stream. Not thread-safe: one per stream.
 */
public final class Scanner {
  private final DetectionEngine engine;
  private final int window;
  private final StringBuilder buffer = new StringBuilder();
  private long bufferStart; // stream offset of buffer[0]
  private long reportedUpTo = -1; // findings ending at or before this were reported already
  private int unscanned;

  Scanner(DetectionEngine engine, int window) {
    this.engine = engine;
    this.window = window;
  }

  /**
   * Adds a chunk and returns the findings that are now final: those ending at least one window
   * before the end of what has been received. Others come with later chunks or {@link #finish}.
   */
  public List<StreamFinding> feed(CharSequence chunk) {
    buffer.append(chunk);
    unscanned += chunk.length();
    if (unscanned < window) {
      return List.of();
    }
    return scan(false);
  }

  /** Ends the stream and returns the findings not reported yet. */
  public List<StreamFinding> finish() {
    return scan(true);
  }

  private List<StreamFinding> scan(boolean last) {
    unscanned = 0;
    long end = bufferStart + buffer.length();
    long cut = last ? end : end - window;
    List<StreamFinding> out = new ArrayList<>();
    for (Finding f : engine.scan(buffer)) {
      long fEnd = bufferStart + f.end();
      // A finding touching the cut may still grow with the next chunk: wait for it.
      if (fEnd > reportedUpTo && (fEnd < cut || last)) {
        out.add(new StreamFinding(f, bufferStart + f.start(), fEnd));
      }
    }
    reportedUpTo = Math.max(reportedUpTo, cut - 1);
    // Keep one window before the cut, so a value ending after the cut is whole in the next scan,
    // with its context words.
    long keepFrom = Math.max(bufferStart, cut - window - ScanText.CONTEXT_BEFORE);
    buffer.delete(0, (int) (keepFrom - bufferStart));
    bufferStart = keepFrom;
    return out;
  }

  /** A finding with its span as stream offsets. */
  public record StreamFinding(Finding finding, long start, long end) {}
}
