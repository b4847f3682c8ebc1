package org.anb.showcase.infra.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The browser front end as the site bucket stores it. Assets go under {@code assets/<version>/}, where the version
 * is a hash of every file, and are cached for a year; {@code index.html} — the one file whose address never
 * changes — is rewritten to point at that version and is never cached. A deploy therefore changes what every visitor
 * loads at once, and no visitor mixes old and new modules. The files themselves stay as they are in {@code web/site}
 * (the local mode serves them unversioned), so no build step is needed.
 */
public final class SiteFiles {
    static final String INDEX = "index.html";
    static final String ASSETS = "assets/";
    public static final String NEVER_CACHED = "no-cache";
    public static final String CACHED_FOR_A_YEAR = "public, max-age=31536000, immutable";
    /** The page's stand-in, in its policy, for "wherever the media bucket is". */
    static final String ANY_STORAGE = "https://*.amazonaws.com http://localhost:* http://127.0.0.1:*";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    /** One object of the bucket: text files are stored as text so {@code pulumi preview} shows readable diffs. */
    public record SiteFile(String key, String contentType, String cacheControl, byte[] bytes) {
        boolean isText() {
            return contentType.startsWith("text/") || contentType.startsWith("image/svg")
                    || contentType.startsWith("application/json");
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final String version;
    private final List<SiteFile> files;

    private SiteFiles(String version, List<SiteFile> files) {
        this.version = version;
        this.files = files;
    }

    /** Reads {@code dir} (web/site): an index.html and an assets folder. */
    public static SiteFiles read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(INDEX))) {
            throw new IllegalStateException("no " + INDEX + " in " + dir.toAbsolutePath() + ": the site is missing");
        }
        List<Path> paths = list(dir);
        String version = version(dir, paths);
        List<SiteFile> files = paths.stream().map(path -> stored(dir, path, version)).toList();
        return new SiteFiles(version, files);
    }

    public String version() {
        return version;
    }

    /**
     * The page's Content-Security-Policy (its meta tag) with the storage hosts it allows in any environment narrowed
     * to {@code storageOrigins}, plus {@code frame-ancestors 'none'}, which only a header can carry.
     */
    String contentSecurityPolicy(String storageOrigins) {
        String index = files.stream().filter(f -> f.key().equals(INDEX)).findFirst().orElseThrow().text();
        var meta = java.util.regex.Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"")
                .matcher(index);
        if (!meta.find() || !meta.group(1).contains(ANY_STORAGE)) {
            throw new IllegalStateException(INDEX + " has no Content-Security-Policy naming " + ANY_STORAGE);
        }
        return meta.group(1).replace(ANY_STORAGE, storageOrigins) + "; frame-ancestors 'none'";
    }

    public List<SiteFile> files() {
        return files;
    }

    private static SiteFile stored(Path dir, Path path, String version) {
        String relative = relative(dir, path);
        byte[] bytes = bytes(path);
        String type = contentType(relative);
        if (relative.equals(INDEX)) {
            String page = new String(bytes, StandardCharsets.UTF_8).replace("\"/" + ASSETS, "\"/" + ASSETS + version + "/");
            return new SiteFile(INDEX, type, NEVER_CACHED, page.getBytes(StandardCharsets.UTF_8));
        }
        if (!relative.startsWith(ASSETS)) {
            throw new IllegalStateException(relative + ": besides index.html, site files belong under " + ASSETS);
        }
        return new SiteFile(ASSETS + version + "/" + relative.substring(ASSETS.length()), type, CACHED_FOR_A_YEAR, bytes);
    }

    private static String contentType(String relative) {
        String extension = relative.substring(relative.lastIndexOf('.') + 1);
        String type = CONTENT_TYPES.get(extension);
        if (type == null) {
            throw new IllegalStateException(relative + ": no content type known for ." + extension + " (add it here)");
        }
        return type;
    }

    /** A hash of every file's path and bytes: any change to the site makes a new version. */
    private static String version(Path dir, List<Path> paths) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path path : paths) {
                digest.update(relative(dir, path).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes(path));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path dir, Path path) {
        return dir.relativize(path).toString().replace('\\', '/');
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
