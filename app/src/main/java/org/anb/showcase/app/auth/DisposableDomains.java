package org.anb.showcase.app.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.helidon.config.Config;

/**
 * Throw-away mail domains refused at sign-up: the maintained list shipped in {@code disposable-domains.txt}
 * (ivolo/disposable-email-domains) plus the operator's {@code auth.extra-disposable-domains}. A listed domain also
 * bars its subdomains.
 */
public final class DisposableDomains {
    private final Set<String> domains;

    DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static DisposableDomains from(Config auth) {
        Set<String> domains = new HashSet<>(shipped());
        auth.get("extra-disposable-domains").asList(String.class).orElse(List.of())
                .forEach(domain -> domains.add(domain.strip().toLowerCase(Locale.ROOT)));
        return new DisposableDomains(domains);
    }

    /** Whether the address's domain, or a domain it is under, is listed. */
    public boolean isDisposable(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        for (String candidate = domain; candidate.contains("."); candidate = candidate.substring(candidate.indexOf('.') + 1)) {
            if (domains.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> shipped() {
        var in = DisposableDomains.class.getResourceAsStream("disposable-domains.txt");
        if (in == null) {
            throw new IllegalStateException("disposable-domains.txt is missing from the build");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> domains = new HashSet<>();
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(domains::add);
            return domains;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
