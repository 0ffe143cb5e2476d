package dev.warden.cli;

/** Entry point of the Warden jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("warden " + Runtime.version());
  }
}
