package dev.warden.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A made-up customer. Emails use the reserved example.* domains and phone numbers come from ranges
 * reserved for fiction, so no value can belong to a real person.
 */
public record Customer(String name, String email, Phone phone) {

  /**
   * A phone number in two spellings.
   *
   * @param e164 international form, e.g. {@code +442079460123}
   * @param national how a local would write it, e.g. {@code 020 7946 0123}
   */
  public record Phone(String e164, String national) {}

  ObjectNode toJson() {
    ObjectNode node = Json.object().put("name", name).put("email", email);
    node.put("phone", phone.e164()).put("phone_national", phone.national());
    return node;
  }
}
