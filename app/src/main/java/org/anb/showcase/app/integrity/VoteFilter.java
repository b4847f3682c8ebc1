package org.anb.showcase.app.integrity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.JsonBody;
import org.anb.showcase.app.http.StaffInput;

/**
 * Which votes a void or restore touches: by video, voter, network prefix and time window, combined. At least one of
 * video, voter or network is required — a window alone would void the whole edition by accident.
 */
public record VoteFilter(UUID videoId, UUID voterId, String network, Instant from, Instant to) {

    public static VoteFilter parse(JsonBody body) {
        VoteFilter filter = new VoteFilter(uuid(body, "video_id"), uuid(body, "voter_id"),
                StaffInput.optional(body, "network", 64).orElse(null),
                StaffInput.instant(body, "from").orElse(null), StaffInput.instant(body, "to").orElse(null));
        if (filter.videoId == null && filter.voterId == null && filter.network == null) {
            throw new ApiException(400, "Indica al menos video_id, voter_id o network.");
        }
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw new ApiException(400, "Datos inválidos.", Map.of("to", "Debe ser posterior a from."));
        }
        return filter;
    }

    /** The SQL condition on {@code votes} (aliased {@code vt}); its parameters come from {@link #parameters()}. */
    static final String CONDITION = """
            (CAST(? AS uuid) IS NULL OR vt.video_id = ?) AND (CAST(? AS uuid) IS NULL OR vt.user_id = ?)
            AND (CAST(? AS text) IS NULL OR vt.network = ?)
            AND (CAST(? AS timestamptz) IS NULL OR vt.created_at >= ?)
            AND (CAST(? AS timestamptz) IS NULL OR vt.created_at < ?)""";

    Object[] parameters() {
        Timestamp fromTs = from == null ? null : Timestamp.from(from);
        Timestamp toTs = to == null ? null : Timestamp.from(to);
        return new Object[] {videoId, videoId, voterId, voterId, network, network, fromTs, fromTs, toTs, toTs};
    }

    /** How the audit log names what was touched. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        Optional.ofNullable(videoId).ifPresent(v -> text.append("video=").append(v).append(' '));
        Optional.ofNullable(voterId).ifPresent(v -> text.append("voter=").append(v).append(' '));
        Optional.ofNullable(network).ifPresent(v -> text.append("network=").append(v).append(' '));
        Optional.ofNullable(from).ifPresent(v -> text.append("from=").append(v).append(' '));
        Optional.ofNullable(to).ifPresent(v -> text.append("to=").append(v).append(' '));
        return text.toString().strip();
    }

    private static UUID uuid(JsonBody body, String field) {
        Optional<String> text = body.text(field);
        try {
            return text.map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Datos inválidos.", Map.of(field, "Un identificador válido."));
        }
    }
}
