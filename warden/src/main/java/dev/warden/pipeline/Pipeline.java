package dev.warden.pipeline;

import java.util.List;

/** Runs an exchange through an ordered list of stages; the last one must answer. */
public final class Pipeline {
  private final Stage[] stages;
  private final Stage.Chain[] rest; // rest[i]: the stages after stage i, made once, not per call

  public Pipeline(List<Stage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
    this.stages = stages.toArray(Stage[]::new);
    this.rest = new Stage.Chain[this.stages.length];
    for (int i = 0; i < rest.length; i++) {
      int after = i + 1;
      rest[i] = next -> step(after, next);
    }
  }

  public Reply run(Exchange exchange) {
    return step(0, exchange);
  }

  private Reply step(int index, Exchange exchange) {
    if (index == stages.length) {
      throw new IllegalStateException("the last stage passed the exchange on; routing must answer");
    }
    return stages[index].apply(exchange, rest[index]);
  }
}
