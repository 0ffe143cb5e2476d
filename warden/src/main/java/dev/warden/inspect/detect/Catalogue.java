package dev.warden.inspect.detect;

import dev.warden.inspect.Detector;
import java.util.ArrayList;
import java.util.List;

/** Every built-in detector, in catalogue order (earlier wins a tie between overlapping finds). */
public final class Catalogue {
  private Catalogue() {}

  public static List<Detector> all() {
    List<Detector> all = new ArrayList<>();
    all.addAll(SecretCatalogue.all());
    all.addAll(PaymentCatalogue.all());
    all.addAll(GovernmentCatalogue.all());
    all.addAll(WorldCatalogue.all());
    all.addAll(PersonalCatalogue.all());
    all.add(new CryptoDetector());
    return List.copyOf(all);
  }
}
