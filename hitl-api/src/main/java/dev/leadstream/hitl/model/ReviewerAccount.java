package dev.leadstream.hitl.model;

import java.util.List;

/** A built-in reviewer account: its name and roles (never its password hash). */
public record ReviewerAccount(String username, List<String> roles) {
}
