package dev.warden.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void addsUserAndSystemTicks() {
    String line =
        "4242 (java) S 1 4242 4242 0 -1 4194560 12345 0 0 0 1500 250 0 0 20 0 40 0 1234 0 0";
    assertThat(ProcStat.ticks(line)).isEqualTo(1750);
  }

  @Test
  void countsFieldsFromTheLastParenthesisSoOddCommandNamesDoNotShiftThem() {
    String line = "7 (a) b (c)) R 1 7 7 0 -1 0 0 0 0 0 11 22 0 0 20 0 1 0 5 0 0";
    assertThat(ProcStat.ticks(line)).isEqualTo(33);
  }

  @Test
  void refusesTruncatedLines() {
    assertThatThrownBy(() -> ProcStat.ticks("1 (x) S 1 2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsOwnCpuTime() {
    long before = ProcStat.cpuMicros(ProcessHandle.current().pid());
    assertThat(before).isPositive();
  }

  @Test
  void machineBusyTimeLeavesOutIdleIowaitAndSteal() {
    String cpu = "cpu  100 5 40 9000 70 3 2 600 0 0";
    assertThat(ProcStat.machineBusyTicks(cpu)).isEqualTo(150);
    assertThat(ProcStat.machineBusyMicros()).isPositive();
  }

  @Test
  void clockTicksFallBackTo100() {
    assertThat(ProcStat.parseClockTicks("250\n")).isEqualTo(250);
    assertThat(ProcStat.parseClockTicks("undefined")).isEqualTo(100);
  }
}
