package org.anb.showcase.app.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.anb.showcase.app.audit.AuditLog;
import org.anb.showcase.app.auth.Authenticator;
import org.anb.showcase.app.auth.Caller;
import org.anb.showcase.app.auth.Role;
import org.anb.showcase.app.contest.CurrentEdition;
import org.anb.showcase.app.contest.Edition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.Endpoint;
import org.anb.showcase.app.http.Json;
import org.anb.showcase.app.http.MediaLinks;
import org.anb.showcase.app.http.Paging;
import org.anb.showcase.app.http.PublicPages;
import org.anb.showcase.app.staff.StaffGate;
import org.anb.showcase.core.db.Transactions;

/**
 * Results anyone can recount: publishing (organizers, once voting has closed) freezes the standings and the ballots;
 * the public reads both, each fan finds their own ballot, and the association downloads its finalists.
 */
public final class ResultsRoutes {
    private static final int BALLOTS_PER_QUERY = 50_000;
    private static final String NOT_PUBLISHED = "Los resultados aún no se han publicado.";

    private final DbClient db;
    private final ResultsRepository results;
    private final CurrentEdition edition;
    private final AuditLog audit;
    private final Authenticator auth;
    private final StaffGate gate;
    private final MediaLinks links;
    private final PublicPages pages;

    /** The finalists each city sends on, told by mail at publication and listed by default in finalists.csv. */
    static final int FINALISTS_PER_CITY = 3;

    public ResultsRoutes(DbClient db, ResultsRepository results, CurrentEdition edition, AuditLog audit,
                         Authenticator auth, StaffGate gate, MediaLinks links, PublicPages pages) {
        this.db = db;
        this.results = results;
        this.edition = edition;
        this.audit = audit;
        this.auth = auth;
        this.gate = gate;
        this.links = links;
        this.pages = pages;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                gate.post("/api/admin/results/publish", Role.ORGANIZER, this::publish),
                gate.get("/api/admin/results/finalists.csv", Role.ORGANIZER, this::finalists),
                Endpoint.get("/api/public/results", this::standings),
                Endpoint.get("/api/public/results/ballots.csv", this::ballots),
                Endpoint.get("/api/me/votes", this::myVotes));
    }

    private void publish(Caller organizer, ServerRequest req, ServerResponse res) {
        Instant now = edition.now();
        long ballots = Transactions.inTransaction(db, tx -> {
            ResultsRepository.EditionToPublish current = results.lockCurrent(tx).orElseThrow(() ->
                    new ApiException(409, "No hay una edición configurada."));
            if (current.publishedAt() != null) {
                throw new ApiException(409, "Los resultados ya están publicados.");
            }
            if (current.votingCloseAt() == null || now.isBefore(current.votingCloseAt())) {
                throw new ApiException(409, "La votación aún no ha cerrado.");
            }
            long written = results.publish(tx, current);
            results.mailFinalists(tx, current.id(), FINALISTS_PER_CITY);
            audit.record(tx, AuditLog.Entry.of(organizer.id(), "results.publish", "contest:" + current.id(), null)
                    .withNote(written + " votos contados"));
            return written;
        });
        edition.changed();
        pages.changed();
        Json.ok(res, Map.of("message", "Resultados publicados.", "ballots", ballots));
    }

    private long publishedEdition() {
        Edition current = edition.get();
        if (!current.resultsPublished()) {
            throw new ApiException(404, NOT_PUBLISHED);
        }
        return current.id();
    }

    private void standings(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.from(req.query());
        Optional<String> city = Paging.textParam(req.query(), "city");
        long contest = publishedEdition();
        Json.send(res, 200, results.standings(contest, city, paging));
    }

    private void ballots(ServerRequest req, ServerResponse res) {
        long contest = publishedEdition();
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"ballots.csv\"");
        try (OutputStream out = res.outputStream()) {
            out.write("video_id,ballot\n".getBytes(StandardCharsets.US_ASCII));
            String afterVideo = "00000000-0000-0000-0000-000000000000";
            String afterBallot = "";
            ResultsRepository.BallotChunk chunk;
            do {
                chunk = results.ballotsAfter(contest, afterVideo, afterBallot, BALLOTS_PER_QUERY);
                out.write(chunk.csv().getBytes(StandardCharsets.US_ASCII));
                afterVideo = chunk.lastVideo();
                afterBallot = chunk.lastBallot();
            } while (chunk.count() == BALLOTS_PER_QUERY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void myVotes(ServerRequest req, ServerResponse res) {
        Caller fan = auth.requireCaller(req);
        Optional<byte[]> key = edition.get().resultsPublished() ? results.ballotKey(edition.get().id())
                : Optional.empty();
        Json.ok(res, results.votesOf(fan.id(), key));
    }

    private void finalists(Caller organizer, ServerRequest req, ServerResponse res) {
        long contest = publishedEdition();
        int perCity = perCity(req);
        StringBuilder csv = new StringBuilder("city,position,player_name,email,votes,video_url\n");
        for (ResultsRepository.Finalist f : results.finalists(contest, perCity)) {
            csv.append(Csv.field(f.city())).append(',').append(f.position()).append(',')
                    .append(Csv.field(f.playerName())).append(',').append(Csv.field(f.email())).append(',')
                    .append(f.votes()).append(',').append(Csv.field(links.to(f.processedKey()))).append('\n');
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"finalists.csv\"");
        res.send(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int perCity(ServerRequest req) {
        try {
            int n = Integer.parseInt(req.query().first("per_city").orElse(String.valueOf(FINALISTS_PER_CITY)).strip());
            if (n < 1 || n > 100) {
                throw ApiException.badRequest("Parámetro inválido en la consulta.");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parámetro inválido en la consulta.");
        }
    }
}
