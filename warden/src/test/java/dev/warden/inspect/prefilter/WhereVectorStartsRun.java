package dev.warden.inspect.prefilter;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a property of the read by possible starts where it does not run (no Vector API, or no
 * 512-bit vectors with byte permutes): the automaton reads every text there.
 */
public final class WhereVectorStartsRun implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return AhoCorasick.VECTOR_STARTS
        ? SkipResult.doNotSkip()
        : SkipResult.skip("the read by possible starts needs 512-bit vectors with byte permutes");
  }
}
