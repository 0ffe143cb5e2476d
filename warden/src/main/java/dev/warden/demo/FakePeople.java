package dev.warden.demo;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Invents customers and staff from a seeded random source; nobody here is a real person. */
final class FakePeople {
  private static final List<String> FIRST =
      List.of(
          "Amara",
          "Bastian",
          "Chiara",
          "Dmitri",
          "Elif",
          "Farid",
          "Greta",
          "Hiroshi",
          "Ines",
          "Jonas",
          "Kalani",
          "Leona",
          "Mateo",
          "Nadia",
          "Oskar",
          "Priya",
          "Quentin",
          "Rosa",
          "Samir",
          "Tove",
          "Umar",
          "Valentina",
          "Wen",
          "Ximena",
          "Yusuf",
          "Zofia",
          "Aiden",
          "Beatriz",
          "Callum",
          "Daniela",
          "Emeka",
          "Freya",
          "Gael",
          "Hana",
          "Ivo",
          "Jana",
          "Kofi",
          "Lucia",
          "Malik",
          "Noor");
  private static final List<String> LAST =
      List.of(
          "Abernathy",
          "Bergstrom",
          "Castellano",
          "Dunmore",
          "Eriksen",
          "Fairweather",
          "Galloway",
          "Hartmann",
          "Ibarra",
          "Jovanovic",
          "Kowalczyk",
          "Lindqvist",
          "Marchetti",
          "Nakamura",
          "Okonkwo",
          "Pemberton",
          "Quiroga",
          "Rasmussen",
          "Szabo",
          "Thorne",
          "Underhill",
          "Vasquez",
          "Whitlock",
          "Yamada",
          "Zielinski",
          "Ashdown",
          "Brennan",
          "Cavendish",
          "Delacroix",
          "Esposito");
  private static final List<String> DOMAINS =
      List.of("example.com", "example.org", "example.net", "mail.example.com", "shop.example.org");
  private static final List<String> US_AREA_CODES = List.of("202", "312", "415", "503", "617");

  private FakePeople() {}

  static String name(RandomGenerator random) {
    return pick(random, FIRST) + " " + pick(random, LAST);
  }

  static Customer customer(RandomGenerator random) {
    String name = name(random);
    return new Customer(name, email(random, name), phone(random));
  }

  static String email(RandomGenerator random, String name) {
    String[] parts = name.toLowerCase(Locale.ROOT).split(" ", 2);
    String local =
        switch (random.nextInt(4)) {
          case 0 -> parts[0] + "." + parts[1];
          case 1 -> parts[0].charAt(0) + parts[1];
          case 2 -> parts[0] + "_" + parts[1].charAt(0) + (10 + random.nextInt(89));
          default -> parts[0] + parts[1];
        };
    return local + "@" + pick(random, DOMAINS);
  }

  /**
   * A number from ranges regulators keep for drama and examples: US 555-0100..0199, UK Ofcom 020
   * 7946 0xxx and 07700 900xxx, France ARCEP 01 99 00 xx xx, Australia ACMA (02) 5550 xxxx.
   */
  static Customer.Phone phone(RandomGenerator random) {
    int n = random.nextInt(1000);
    int roll = random.nextInt(100);
    if (roll < 40) {
      String area = pick(random, US_AREA_CODES);
      String line = String.format(Locale.ROOT, "01%02d", n % 100);
      return new Customer.Phone("+1" + area + "555" + line, "(" + area + ") 555-" + line);
    } else if (roll < 55) {
      String line = String.format(Locale.ROOT, "0%03d", n);
      return new Customer.Phone("+4420" + "7946" + line, "020 7946 " + line);
    } else if (roll < 70) {
      String line = String.format(Locale.ROOT, "900%03d", n);
      return new Customer.Phone("+447700" + line, "07700 " + line);
    } else if (roll < 85) {
      String a = String.format(Locale.ROOT, "%02d", n % 100);
      String b = String.format(Locale.ROOT, "%02d", random.nextInt(100));
      return new Customer.Phone("+3319900" + a + b, "01 99 00 " + a + " " + b);
    } else {
      String line = String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
      return new Customer.Phone("+6125550" + line, "(02) 5550 " + line);
    }
  }

  static <T> T pick(RandomGenerator random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
