package dev.leadstream.hitl.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The direction hitl-api's packages depend in, checked on the source (imports and fully
 * qualified names, comments and strings left out): {@code rest} and {@code ui} call services,
 * services call repositories, and only repositories run queries. {@code messaging} and
 * {@code security} call services or repositories. Nothing below uses what is above it.
 */
final class LayerRules {

    static final String ROOT = "dev.leadstream.hitl";

    /** Layer → the layers its classes may use (its own included). A package not named here has no place yet. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "ui", Set.of("ui", "rest", "service", "security", "model", "problem", "entity"),
            "rest", Set.of("rest", "service", "security", "model", "problem", "entity"),
            "messaging", Set.of("messaging", "service", "repository", "model", "problem", "entity"),
            "security", Set.of("security", "service", "repository", "model", "problem", "entity"),
            "service", Set.of("service", "repository", "model", "problem", "entity"),
            "repository", Set.of("repository", "model", "entity"),
            "entity", Set.of("entity"),
            "model", Set.of("model"),
            "problem", Set.of("problem"));

    /** Running a query or writing through the session: only a repository does that. */
    private static final Pattern DATA_ACCESS = Pattern.compile("(?:\\.|::)\\s*(createNativeQuery|createQuery|createSelectionQuery"
            + "|createMutationQuery|createNamedQuery|executeUpdate|persist|persistAll|find\\s*\\(\\s*\\w+\\.class)\\b");
    private static final Pattern SQL_CLIENT = Pattern.compile("\\b(io\\.vertx\\.(?:mutiny\\.)?sqlclient|io\\.vertx\\.mutiny\\.pgclient"
            + "|io\\.vertx\\.pgclient\\.PgPool|java\\.sql|javax\\.sql)\\.");
    /** HTTP belongs to rest and ui: what is below them says what went wrong with a problem.ApiProblem. */
    private static final Pattern HTTP = Pattern.compile("\\b(jakarta\\.ws\\.rs|org\\.jboss\\.resteasy)\\.");
    private static final Set<String> WITHOUT_HTTP = Set.of("service", "repository", "entity", "model", "problem");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT) + "\\.([a-z_][a-z0-9_]*)\\b(?:\\.\\w+)*");

    record Violation(String file, String why) {
        @Override
        public String toString() {
            return file + ": " + why;
        }
    }

    private LayerRules() {
    }

    /** Every violation in the Java sources under {@code sourceRoot} (e.g. src/main/java). */
    static List<Violation> check(Path sourceRoot) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(sourceRoot.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(sources);
    }

    /** Every violation in the given sources (file name → text). */
    static List<Violation> check(Map<String, String> sources) {
        List<Violation> violations = new ArrayList<>();
        sources.forEach((file, source) -> violations.addAll(checkOne(file, source)));
        return violations;
    }

    private static List<Violation> checkOne(String file, String source) {
        String code = JavaText.codeOnly(source);
        Matcher declared = PACKAGE.matcher(code);
        if (!declared.find() || !declared.group(1).startsWith(ROOT + ".")) {
            return List.of(new Violation(file, "is not in a package under " + ROOT + ", so it has no layer"));
        }
        String layer = declared.group(1).substring(ROOT.length() + 1).split("\\.")[0];
        if (!MAY_USE.containsKey(layer)) {
            return List.of(new Violation(file, "is in package " + layer + ", which has no layer: give it one in LayerRules.MAY_USE"));
        }
        String body = code.substring(declared.end());
        List<Violation> violations = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(body);
        while (reference.find()) {
            String used = reference.group(1);
            if (!MAY_USE.get(layer).contains(used)) {
                violations.add(new Violation(file, layer + " uses " + used + " (" + reference.group() + "); "
                        + layer + " may use only " + MAY_USE.get(layer).stream().sorted().toList()));
            }
        }
        if (!layer.equals("repository")) {
            find(DATA_ACCESS, body).forEach(call -> violations.add(new Violation(file,
                    layer + " runs a query or writes through the session (" + call + "); only a repository does")));
            find(SQL_CLIENT, body).forEach(api -> violations.add(new Violation(file,
                    layer + " uses an SQL client (" + api + "); only a repository does")));
        }
        if (WITHOUT_HTTP.contains(layer)) {
            find(HTTP, body).forEach(api -> violations.add(new Violation(file,
                    layer + " uses HTTP (" + api + "); only rest and ui do")));
        }
        return violations;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s+", ""));
        }
        return found;
    }
}
