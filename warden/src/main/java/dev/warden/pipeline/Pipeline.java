package dev.warden.pipeline;

import java.util.List;

/** Runs an exchange through an ordered list of stages; the last one must answer. */
public final class Pipeline {
  private final Stage[] stages;

  public Pipeline(List<Stage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
    this.stages = stages.toArray(Stage[]::new);
  }

  public Reply run(Exchange exchange) {
    return step(0, exchange);
  }

  private Reply step(int index, Exchange exchange) {
    if (index == stages.length) {
      throw new IllegalStateException("the last stage passed the exchange on; routing must answer");
    }
    return stages[index].apply(exchange, next -> step(index + 1, next));
  }
}
