package dev.leadstream.hitl.security;

import java.util.List;

/** viewer reads; reviewer reads and decides; admin also manages reviewers. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(VIEWER, REVIEWER, ADMIN);

    private Roles() {
    }
}
