package dev.warden.inspect.detect;

import dev.warden.inspect.Detector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every built-in detector, in catalogue order (earlier wins a tie between overlapping finds). */
public final class Catalogue {
  private Catalogue() {}

  public static List<Detector> all() {
    List<Detector> all = new ArrayList<>();
    all.addAll(SecretCatalogue.all());
    all.addAll(PaymentCatalogue.all());
    all.addAll(GovernmentCatalogue.all());
    all.addAll(EuropeanCatalogue.all());
    all.addAll(WorldCatalogue.all());
    all.addAll(PersonalCatalogue.all());
    all.add(new CryptoDetector());
    return List.copyOf(all);
  }

  /**
   * The types the secure default redacts: every secret and credential type, and payment card data
   * (numbers, track data, CVV; not an expiry date alone).
   */
  public static Set<String> secretAndCardTypes() {
    Set<String> types = new LinkedHashSet<>();
    SecretCatalogue.all().forEach(d -> types.addAll(d.types()));
    PaymentCatalogue.all().stream()
        .flatMap(d -> d.types().stream())
        .filter(t -> t.startsWith("CARD_") && !t.equals("CARD_EXPIRY"))
        .forEach(types::add);
    return Set.copyOf(types);
  }
}
