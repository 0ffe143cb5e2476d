package dev.warden.inspect;

import dev.warden.inspect.detect.Catalogue;
import dev.warden.inspect.normalize.NormalizedText;
import dev.warden.inspect.normalize.Normalizer;
import dev.warden.inspect.prefilter.AhoCorasick;
import dev.warden.inspect.prefilter.Ascii;
import dev.warden.inspect.prefilter.WideKeywords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds sensitive values in text: normalises it, runs one Aho–Corasick pass for every detector's
 * keywords and one shape pass for number-like candidates, lets each detector look only where it can
 * match, decodes long base64 tokens once, and keeps the most reliable finding where several
 * overlap. Immutable and thread-safe; {@link #scan} allocates only for what it finds.
 */
public final class DetectionEngine {
  /** Values longer than this are not promised to be found across streamed chunks. */
  public static final int MAX_VALUE_LENGTH = 4096;

  private final List<Detector> detectors;
  private final List<String> words; // every keyword: those of the prefilter, then the wide ones
  private final AhoCorasick prefilter;
  private final WideKeywords wide;
  private final Detector[][] byKeyword;
  private final boolean[] contextOnly;
  private final CandidateCutter cutter;
  private final Detector[] wholeText;
  private final long[] gateBits; // per keyword: the ContextGate bits of the detectors it serves
  private final int[] keywordLength;
  private final Map<String, Integer> rank = new LinkedHashMap<>();
  private final Map<String, Set<String>> labels = new java.util.HashMap<>(); // type -> its words
  private final boolean byShape;
  private final WordMasks masks;

  private DetectionEngine(List<Detector> detectors, boolean byShape) {
    this.byShape = byShape;
    this.detectors = List.copyOf(detectors);
    Map<String, List<Detector>> keywords = new LinkedHashMap<>();
    List<List<Detector>> digits = lists();
    List<List<Detector>> alnum = lists();
    for (Detector d : this.detectors) {
      d.types().forEach(t -> rank.putIfAbsent(t, rank.size()));
      for (String t : d.types()) {
        Set<String> words = labels.computeIfAbsent(t, x -> new java.util.HashSet<>());
        words.addAll(d.contextWords());
        words.addAll(d.keywords());
      }
      d.keywords().forEach(k -> keywords.computeIfAbsent(k, x -> new ArrayList<>()).add(d));
      d.contextWords().forEach(k -> keywords.computeIfAbsent(k, x -> new ArrayList<>()));
      for (int len : d.candidateLengths()) {
        (d.digitCandidates() ? digits : alnum).get(len).add(d);
      }
    }
    // Words outside ASCII ("fødselsnummer", "マイナンバー") are matched apart, after the others.
    List<String> asciiWords =
        keywords.keySet().stream().filter(w -> !WideKeywords.wide(w)).toList();
    List<String> wideWords = keywords.keySet().stream().filter(WideKeywords::wide).toList();
    List<String> words = new ArrayList<>(asciiWords);
    words.addAll(wideWords);
    this.words = List.copyOf(words);
    this.masks = new WordMasks(this.words);
    // Each detector of candidates stands for one bit of the context gate, shared by those with the
    // same words (and, past 64 sets of words, by several sets); each word carries its detectors'.
    Map<Set<String>, Long> bitOfWords = new java.util.HashMap<>();
    Map<Detector, Long> contextBit = new java.util.IdentityHashMap<>();
    Map<String, Long> wordBits = new java.util.HashMap<>();
    for (Detector d : this.detectors) {
      if (d.candidateLengths().length > 0 && !d.contextWords().isEmpty()) {
        long bit =
            bitOfWords.computeIfAbsent(
                Set.copyOf(d.contextWords()), w -> 1L << (bitOfWords.size() & 63));
        contextBit.put(d, bit);
        d.contextWords().forEach(w -> wordBits.merge(w, bit, (a, b) -> a | b));
      }
    }
    this.gateBits = new long[words.size()];
    this.keywordLength = new int[words.size()];
    for (int k = 0; k < words.size(); k++) {
      gateBits[k] = wordBits.getOrDefault(words.get(k), 0L);
      keywordLength[k] = words.get(k).length();
    }
    this.prefilter = new AhoCorasick(asciiWords, Normalizer.MARKS);
    this.wide = new WideKeywords(wideWords, asciiWords.size());
    this.byKeyword =
        words.stream()
            .map(w -> keywords.get(w).toArray(Detector[]::new))
            .toArray(Detector[][]::new);
    // Without detectors of its own a keyword is only context, which must start a word: its other
    // occurrences are dropped as found (the reference path keeps them for near() to reject).
    this.contextOnly = new boolean[words.size()];
    for (int k = 0; k < words.size(); k++) {
      contextOnly[k] = byShape && byKeyword[k].length == 0;
    }
    Detector[][] digitsByLength =
        digits.stream().map(l -> l.toArray(Detector[]::new)).toArray(Detector[][]::new);
    Detector[][] alnumByLength =
        alnum.stream().map(l -> l.toArray(Detector[]::new)).toArray(Detector[][]::new);
    this.cutter =
        new CandidateCutter(
            new Dispatch(
                digitsByLength,
                alnumByLength,
                byShape,
                // A detector needing context without words of its own never finds: all bits.
                d -> contextBit.getOrDefault(d, -1L)),
            present(alnumByLength));
    this.wholeText = this.detectors.stream().filter(Detector::wholeText).toArray(Detector[]::new);
  }

  /** An engine with every built-in detector of the catalogue. */
  public static DetectionEngine builtIn() {
    return new DetectionEngine(Catalogue.all(), true);
  }

  /** An engine with exactly these detectors. */
  public static DetectionEngine of(List<? extends Detector> detectors) {
    return new DetectionEngine(List.copyOf(detectors), true);
  }

  /** This engine's detectors followed by {@code more} (custom detectors from configuration). */
  public DetectionEngine with(List<? extends Detector> more) {
    List<Detector> all = new ArrayList<>(detectors);
    all.addAll(more);
    return new DetectionEngine(all, byShape);
  }

  /**
   * The same engine handing every candidate to every detector of its length, as the engine did
   * before candidates were dispatched by their grouping, and keeping every occurrence of a context
   * word: the reference the fast paths are tested against.
   */
  DetectionEngine straightforward() {
    return new DetectionEngine(detectors, false);
  }

  /** Every type id the engine can report. */
  public Set<String> types() {
    Set<String> types = new LinkedHashSet<>();
    detectors.forEach(d -> types.addAll(d.types()));
    return types;
  }

  /** A streaming scanner over this engine; one per stream, not thread-safe itself. */
  public Scanner scanner() {
    return new Scanner(this, MAX_VALUE_LENGTH);
  }

  /** The findings in {@code text}, ordered by start, spans in offsets of {@code text}. */
  public List<Finding> scan(CharSequence text) {
    String original = text.toString();
    byte[] ascii = Ascii.exactly(original);
    // The keyword pass stops where normalisation has work: most text has none, and needs no
    // separate pass to tell.
    if (ascii != null) {
      ScanText hits = new ScanText(original, words, contextOnly, masks);
      if (prefilter.scanUntilStop(ascii, ascii.length, hits::addHit) == ascii.length) {
        return Overlaps.resolve(detect(hits, ascii, true), rank, labelled(hits));
      }
    }
    NormalizedText normalized = Normalizer.normalize(original);
    if (normalized.origin() == null) {
      return resolved(original, ascii != null ? ascii : Ascii.of(original));
    }
    List<Finding> kept = resolved(normalized.text(), Ascii.of(normalized.text()));
    List<Finding> mapped = new ArrayList<>(kept.size());
    for (Finding f : kept) {
      mapped.add(f.at(normalized.startOf(f.start()), normalized.endOf(f.end())));
    }
    return mapped;
  }

  List<Finding> scanNormalized(String s, boolean decodeBase64) {
    return scanNormalized(s, Ascii.of(s), decodeBase64);
  }

  private List<Finding> scanNormalized(String s, byte[] chars, boolean decodeBase64) {
    return detect(keywordsOf(s, chars), chars, decodeBase64);
  }

  /** The findings of normalised text {@code s}, overlaps resolved. */
  private List<Finding> resolved(String s, byte[] chars) {
    ScanText text = keywordsOf(s, chars);
    return Overlaps.resolve(detect(text, chars, true), rank, labelled(text));
  }

  private ScanText keywordsOf(String s, byte[] chars) {
    ScanText text = new ScanText(s, words, contextOnly, masks);
    prefilter.scan(chars, chars.length, text::addHit);
    if (!wide.isEmpty()) {
      wide.scan(s, chars, text::addHit); // a pass over the bytes: only text that was normalised
    }
    return text;
  }

  /** Whether a context word of the finding's own type stands near it, asked of overlaps only. */
  private java.util.function.Predicate<Finding> labelled(ScanText text) {
    return f -> text.near(labels.getOrDefault(f.type(), Set.of()), f.start(), f.end());
  }

  /**
   * Runs the detectors on normalised text whose keyword occurrences {@code text} holds; {@code
   * chars} is its {@link Ascii} view.
   */
  private List<Finding> detect(ScanText text, byte[] chars, boolean decodeBase64) {
    String s = text.text();
    List<Finding> out = new ArrayList<>();
    for (int h = 0; h < text.hitCount(); h++) {
      int k = text.hitKeyword(h);
      Detector[] ds = byKeyword[k];
      if (ds.length > 0) {
        int end = text.hitEnd(h);
        int start = end - keywordLength[k];
        for (Detector d : ds) {
          d.atKeyword(text, start, end, out);
        }
      }
    }
    cutter.cut(
        s,
        chars,
        ContextGate.of(text, gateBits, keywordLength),
        (c, examiners, chosen) -> {
          Detector[] ds = examiners.all();
          for (long m = chosen; m != 0; m &= m - 1) {
            ds[Long.numberOfTrailingZeros(m)].examine(text, c, out);
          }
        });
    for (Detector d : wholeText) {
      d.scanText(text, out);
    }
    if (decodeBase64) {
      Base64Layer.scan(s, chars, this, out);
    }
    return out;
  }

  private static List<List<Detector>> lists() {
    List<List<Detector>> lists = new ArrayList<>();
    for (int i = 0; i <= CandidateCutter.MAX_COMPACT; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static boolean[] present(Detector[][] table) {
    boolean[] present = new boolean[table.length];
    for (int i = 0; i < table.length; i++) {
      present[i] = table[i].length > 0;
    }
    return present;
  }
}
