package dev.warden.registry;

/** The four lists an MCP server offers, with their method, result field and capability. */
public enum ListKind {
  TOOLS("tools/list", "tools", "tools", "notifications/tools/list_changed"),
  PROMPTS("prompts/list", "prompts", "prompts", "notifications/prompts/list_changed"),
  RESOURCES("resources/list", "resources", "resources", "notifications/resources/list_changed"),
  TEMPLATES(
      "resources/templates/list",
      "resourceTemplates",
      "resources",
      "notifications/resources/list_changed");

  private final String method;
  private final String field;
  private final String capability;
  private final String changedNotification;

  ListKind(String method, String field, String capability, String changedNotification) {
    this.method = method;
    this.field = field;
    this.capability = capability;
    this.changedNotification = changedNotification;
  }

  public String method() {
    return method;
  }

  /** The array field of the list result, e.g. "tools". */
  public String field() {
    return field;
  }

  /** The server capability that says the list exists. */
  public String capability() {
    return capability;
  }

  public String changedNotification() {
    return changedNotification;
  }

  /** The kind a list method asks for, or null. */
  public static ListKind ofMethod(String method) {
    for (ListKind k : values()) {
      if (k.method.equals(method)) {
        return k;
      }
    }
    return null;
  }
}
