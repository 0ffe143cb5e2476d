package dev.warden.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only file an audit entry is written to before its reply is released, so the reply
 * never waits for a database commit. Segments are memory-mapped files: a frame copied into one is
 * in the operating system's page cache at once, without a system call, and survives a killed
 * gateway (not a lost machine; that is what {@code audit.sync: full} is for). The writer stores
 * entries in the database in the journal's order and deletes a segment once all of it is committed;
 * at start, frames a crash left uncommitted are stored first ({@link #recover}).
 *
 * <p>A frame is {@code [int length][int CRC32C][entry]} ({@link JournalCodec}); the length is
 * written last, so a frame the process died inside has none and ends the segment, as does the
 * unused, zero-filled rest. One gateway process owns the journal at a time, through a lock file.
 */
final class AuditJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);
  private static final int SEGMENT_BYTES = 32 << 20;
  private static final int MAX_FRAME = 1 << 20;
  private static final String SUFFIX = ".journal";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ReentrantLock appendLock = new ReentrantLock();
  private MappedByteBuffer segment;
  private long segmentIndex;
  private boolean closed;

  private AuditJournal(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the journal in {@code dir} (created when missing) and takes its lock; fails when another
   * process holds it.
   */
  static AuditJournal open(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // this process holds it already
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "the audit journal in " + dir + " is in use by another Warden process on this trail");
    }
    return new AuditJournal(dir, channel, lock);
  }

  /** The entries of every segment, oldest first; a torn last frame is left out. */
  List<AuditEntry> entries() throws IOException {
    List<AuditEntry> out = new ArrayList<>();
    for (Path p : segments().values()) {
      read(p, out);
    }
    return out;
  }

  /**
   * Writes {@code entry} as one frame, then runs {@code then} under the same lock (the writer
   * queues the entry there, so queue order is journal order) with the segment it went to.
   */
  void append(AuditEntry entry, LongConsumer then) throws IOException {
    byte[] payload = JournalCodec.encode(entry);
    if (payload.length > MAX_FRAME) {
      throw new IOException("audit entry too large for the journal");
    }
    CRC32C crc = new CRC32C();
    crc.update(payload);
    appendLock.lock();
    try {
      if (closed) {
        throw new IOException("audit journal closed");
      }
      if (segment == null || segment.remaining() < 8 + payload.length + 4) {
        roll();
      }
      // Payload and checksum first, the length last: a frame counts only once it is whole.
      int at = segment.position();
      segment.position(at + 8);
      segment.put(payload);
      segment.putInt(at + 4, (int) crc.getValue());
      segment.putInt(at, payload.length);
      then.accept(segmentIndex);
    } finally {
      appendLock.unlock();
    }
  }

  /** Every entry of segments before {@code index} is committed: those files go. */
  void committedBefore(long index) {
    try {
      for (var e : segments().headMap(index).entrySet()) {
        Files.deleteIfExists(e.getValue());
      }
    } catch (IOException e) {
      log.warn("audit journal segments not deleted: {}", e.toString());
    }
  }

  /** Everything is committed: every segment goes, the next append starts a new one. */
  void committedAll() {
    appendLock.lock();
    try {
      closeSegment();
      committedBefore(Long.MAX_VALUE);
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public void close() {
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeSegment();
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      log.warn("audit journal not closed cleanly: {}", e.toString());
    } finally {
      appendLock.unlock();
    }
  }

  private void roll() throws IOException {
    closeSegment();
    TreeMap<Long, Path> existing = segments();
    segmentIndex = existing.isEmpty() ? segmentIndex + 1 : existing.lastKey() + 1;
    Path file = dir.resolve(String.format("%016d%s", segmentIndex, SUFFIX));
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      // A shared mapping: what is copied into it belongs to the kernel's page cache at once, so
      // it outlives a killed process without a write call per entry.
      segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, SEGMENT_BYTES);
    }
  }

  private void closeSegment() {
    segment = null; // the mapping goes with the buffer; written pages stay in the file
  }

  private TreeMap<Long, Path> segments() throws IOException {
    TreeMap<Long, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        try {
          out.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), p);
        } catch (NumberFormatException e) {
          log.warn("ignoring {} in the audit journal folder", name);
        }
      }
    }
    return out;
  }

  private static void read(Path segment, List<AuditEntry> out) throws IOException {
    ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(segment));
    while (all.remaining() >= 8) {
      int length = all.getInt();
      int sum = all.getInt();
      if (length == 0) {
        return; // the unused rest of the segment
      }
      if (length < 0 || length > MAX_FRAME || length > all.remaining()) {
        log.warn("audit journal {}: torn frame at its end ignored", segment.getFileName());
        return;
      }
      byte[] payload = new byte[length];
      all.get(payload);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      if ((int) crc.getValue() != sum) {
        log.warn("audit journal {}: damaged frame at its end ignored", segment.getFileName());
        return;
      }
      out.add(JournalCodec.decode(payload));
    }
  }
}
