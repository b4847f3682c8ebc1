package org.anb.showcase.app.auth;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.anb.showcase.app.contest.Edition;
import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.JsonBody;

/**
 * What sign-up asks under Ley 1581: the privacy notice version accepted, the birth date, and for a minor the guardian
 * who must authorise publication. Every field is optional for the assignment's clients; a birth date under 18 makes
 * the guardian's address required, and the contest's {@code consent_required} makes {@code accept_terms} required.
 */
public record PersonalDetails(String termsVersion, LocalDate birthDate, String guardianEmail) {
    public static final int ADULT_AGE = 18;
    private static final int MAX_AGE = 120;
    private static final int MAX_TERMS_VERSION = 50;

    static PersonalDetails parse(JsonBody body, String playerEmail, Map<String, String> errors) {
        String terms = body.text("accept_terms").map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
        if (terms != null && (terms.length() > MAX_TERMS_VERSION || terms.chars().anyMatch(Character::isISOControl))) {
            errors.put("accept_terms", "La versión del aviso de privacidad no es válida.");
        }
        LocalDate birth = birthDate(body, errors);
        String guardian = null;
        if (birth != null && isMinor(birth)) {
            guardian = body.text("guardian_email").map(String::strip).orElse("");
            if (guardian.isEmpty()) {
                errors.put("guardian_email", "Si eres menor de 18 años, escribe el correo de tu madre, padre o acudiente.");
            } else if (!SignupForm.isEmail(guardian)) {
                errors.put("guardian_email", "El correo electrónico no es válido.");
            } else if (EmailKey.of(guardian).equals(EmailKey.of(playerEmail))) {
                errors.put("guardian_email", "El correo del acudiente debe ser distinto del tuyo.");
            }
        }
        return new PersonalDetails(terms, birth, guardian);
    }

    private static LocalDate birthDate(JsonBody body, Map<String, String> errors) {
        String text = body.text("birth_date").map(String::strip).orElse("");
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate birth = LocalDate.parse(text);
            LocalDate today = LocalDate.now();
            if (birth.isAfter(today) || birth.isBefore(today.minusYears(MAX_AGE))) {
                errors.put("birth_date", "La fecha de nacimiento no es válida.");
            }
            return birth;
        } catch (DateTimeParseException e) {
            errors.put("birth_date", "Usa el formato AAAA-MM-DD.");
            return null;
        }
    }

    static boolean isMinor(LocalDate birth) {
        return Period.between(birth, LocalDate.now()).getYears() < ADULT_AGE;
    }

    public boolean minor() {
        return guardianEmail != null;
    }

    /** Under {@code consent_required}, the notice accepted must be the edition's current one (any, if it names none). */
    void requireConsent(Edition edition) {
        if (!edition.consentRequired()) {
            return;
        }
        String current = edition.privacyNoticeVersion();
        if (termsVersion == null || (current != null && !current.equals(termsVersion))) {
            throw new ApiException(400, "Datos de registro inválidos.", Map.of("accept_terms",
                    "Debes aceptar el aviso de privacidad vigente" + (current == null ? "." : " (versión " + current
                            + ").")));
        }
    }
}
