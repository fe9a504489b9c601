package org.ntmrecords.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.Inputs;
import org.ntmrecords.command.common.RejectionCode;
import org.ntmrecords.infra.api.ApiText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Password hashes of local accounts, in {@code security.credential}; never in events, never returned. */
@Component
public class Credentials {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public Credentials(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Stores (or replaces) the hash of a password that meets the rules. */
    public void set(String username, String password) {
        check(password);
        jdbc.update("""
                insert into security.credential (username, password_hash, updated_at) values (?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash, updated_at = excluded.updated_at""",
                username, encoder.encode(password), Timestamp.from(clock.instant()));
    }

    /** Whether a stored hash was made by an older scheme than the one used now. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** Replaces the hash of a password that has just been checked against the stored one. */
    void rehash(String username, String password) {
        jdbc.update("update security.credential set password_hash = ?, updated_at = ? where username = ?",
                encoder.encode(password), Timestamp.from(clock.instant()), username);
    }

    public Optional<String> hash(String username) {
        return jdbc.queryForList("select password_hash from security.credential where username = ?", String.class, username)
                .stream().findFirst();
    }

    String hashOf(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "password",
                    ApiText.of("account.passwordLength", String.valueOf(MIN_LENGTH), String.valueOf(MAX_LENGTH)));
        }
        if (!password.equals(Inputs.optionalText("password", password, MAX_LENGTH))) {
            throw new CommandRejectedException(RejectionCode.INVALID_INPUT, "password",
                    ApiText.of("account.passwordSpaces"));
        }
    }
}
