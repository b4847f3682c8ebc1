package org.anb.showcase.app.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.anb.showcase.app.http.ApiException;
import org.anb.showcase.app.http.JsonBody;

/** A validated signup request. {@link #parse} names every field at fault in one 400, so a form can show them all. */
public record SignupForm(String firstName, String lastName, String email, String password,
                         String city, String country, PersonalDetails personal) {
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final String REQUIRED = "Este campo es obligatorio.";

    public static SignupForm parse(JsonBody body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String firstName = name(body, "first_name", errors);
        String lastName = name(body, "last_name", errors);
        String email = body.text("email").map(String::strip).orElse("");
        if (email.isEmpty()) {
            errors.put("email", REQUIRED);
        } else if (!isEmail(email)) {
            errors.put("email", "El correo electrónico no es válido.");
        }
        String password1 = newPassword(body, errors);
        String city = name(body, "city", errors);
        String country = name(body, "country", errors);
        PersonalDetails personal = PersonalDetails.parse(body, email, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "Datos de registro inválidos.", errors);
        }
        return new SignupForm(firstName, lastName, email, password1, city, country, personal);
    }

    static boolean isEmail(String text) {
        return text.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(text).matches();
    }

    /** {@code password1} and {@code password2}, checked as at sign-up (also for a reset or a change). */
    static String newPassword(JsonBody body, Map<String, String> errors) {
        String password1 = body.text("password1").orElse("");
        Optional<String> password2 = body.text("password2");
        if (password1.isEmpty()) {
            errors.put("password1", REQUIRED);
        } else if (password1.length() < MIN_PASSWORD_LENGTH) {
            errors.put("password1", "La contraseña debe tener al menos " + MIN_PASSWORD_LENGTH + " caracteres.");
        } else if (password1.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            errors.put("password1", "La contraseña no puede superar " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes.");
        }
        if (password2.isEmpty() || password2.get().isEmpty()) {
            errors.put("password2", REQUIRED);
        } else if (!password2.get().equals(password1)) {
            errors.put("password2", "Las contraseñas no coinciden.");
        }
        return password1;
    }

    private static String name(JsonBody body, String field, Map<String, String> errors) {
        String value = body.text(field).map(String::strip).orElse("");
        if (value.isEmpty()) {
            errors.put(field, REQUIRED);
        } else if (value.length() > MAX_NAME_LENGTH) {
            errors.put(field, "Máximo " + MAX_NAME_LENGTH + " caracteres.");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, "Contiene caracteres no permitidos.");
        }
        return value;
    }
}
