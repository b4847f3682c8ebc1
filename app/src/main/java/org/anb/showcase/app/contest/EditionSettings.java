package org.anb.showcase.app.contest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.StaffInput;

/** The body of {@code PUT /api/admin/contest}, checked: each field's type and bounds, then the dates against each other. */
public record EditionSettings(String name, Instant entriesOpenAt, Instant entriesCloseAt, Instant votingOpenAt,
                              Instant votingCloseAt, Instant countsHiddenFrom, Integer maxEntriesPerPlayer,
                              String moderation, String rules, boolean signupChallenge, boolean consentRequired,
                              String privacyNoticeVersion, int alertThreshold) {

    public static EditionSettings parse(JsonBody body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = StaffInput.required(body, "name", 200);
        Instant entriesOpen = StaffInput.instant(body, "entries_open_at").orElse(null);
        Instant entriesClose = StaffInput.instant(body, "entries_close_at").orElse(null);
        Instant votingOpen = StaffInput.instant(body, "voting_open_at").orElse(null);
        Instant votingClose = StaffInput.instant(body, "voting_close_at").orElse(null);
        Instant hiddenFrom = StaffInput.instant(body, "counts_hidden_from").orElse(null);
        String moderation = body.text("moderation").orElse("post");
        if (!moderation.equals("post") && !moderation.equals("pre")) {
            errors.put("moderation", "Uno de: post, pre.");
        }
        Integer maxEntries = integer(body, "max_entries_per_player", 1, 100, errors).orElse(null);
        int threshold = integer(body, "alert_threshold", 1, 100, errors).orElse(Edition.DEFAULT_ALERT_THRESHOLD);
        EditionSettings settings = new EditionSettings(name, entriesOpen, entriesClose, votingOpen, votingClose,
                hiddenFrom, maxEntries, moderation, StaffInput.optional(body, "rules", 20_000).orElse(null),
                body.bool("signup_challenge").orElse(false), body.bool("consent_required").orElse(false),
                StaffInput.optional(body, "privacy_notice_version", 50).orElse(null), threshold);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Datos del concurso inválidos.", errors);
        }
        settings.checkDates();
        return settings;
    }

    private void checkDates() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (before(entriesCloseAt, entriesOpenAt, true)) {
            errors.put("entries_close_at", "Debe ser posterior a entries_open_at.");
        }
        if (before(votingCloseAt, votingOpenAt, true)) {
            errors.put("voting_close_at", "Debe ser posterior a voting_open_at.");
        }
        if (before(countsHiddenFrom, votingOpenAt, false) || before(votingCloseAt, countsHiddenFrom, false)) {
            errors.put("counts_hidden_from", "Debe estar dentro del periodo de votación.");
        }
        if (before(votingCloseAt, entriesOpenAt, true)) {
            errors.put("voting_close_at", "La votación no puede cerrar antes de abrir las inscripciones.");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Fechas del concurso inconsistentes.", errors);
        }
    }

    /** Whether {@code a} comes before {@code b} (or equals it, when {@code orEqual}); false when either is unset. */
    private static boolean before(Instant a, Instant b, boolean orEqual) {
        return a != null && b != null && (a.isBefore(b) || (orEqual && a.equals(b)));
    }

    private static Optional<Integer> integer(JsonBody body, String field, int min, int max,
                                             Map<String, String> errors) {
        JsonNode value = body.node().get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            errors.put(field, "Un número entero entre " + min + " y " + max + ".");
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }
}
