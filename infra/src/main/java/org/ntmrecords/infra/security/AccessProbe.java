package org.ntmrecords.infra.security;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.command.access.AccessPolicy;
import org.ntmrecords.command.access.Acting;
import org.ntmrecords.command.agency.AgencyDirectory;
import org.ntmrecords.command.agency.AgencyFacts;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.unit.UnitDirectory;
import org.ntmrecords.command.unit.UnitFacts;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Asks the {@link AccessPolicy} whether the signed-in account could send a command, without sending it: the same
 * rules and the same sender ({@link Acting}) as {@code CommandAuthorization} would judge a real command by, so a page
 * offers a form exactly where the API would accept it. Nothing is stored and nothing is written to the security log:
 * a probe is a question, not a refused command.
 *
 * <p>The policy's directories read short event streams (a unit, its parents, an agency, a set's versions). A
 * {@link Batch} answers many probes (every indicator of every commune of a district overview) with each of those
 * streams read at most once, so the cost grows with the units and agencies involved, not with the rows.
 */
@Component
public class AccessProbe {
    private final UnitDirectory units;
    private final AgencyDirectory agencies;
    private final CriteriaCatalog catalog;

    public AccessProbe(UnitDirectory units, AgencyDirectory agencies, CriteriaCatalog catalog) {
        this.units = units;
        this.agencies = agencies;
        this.catalog = catalog;
    }

    /** The sender a command of this principal would carry; empty when no account is signed in. */
    public static Optional<Acting> acting(Principal principal) {
        Object signedIn = principal instanceof Authentication authentication ? authentication.getPrincipal() : principal;
        return signedIn instanceof NtmPrincipal p
                ? Optional.of(new Acting(p.username(), p.role(), p.unitCode(), p.agencyId()))
                : Optional.empty();
    }

    /** Probes for one batch of fields, as the given principal (none signed in: every probe is refused). */
    public Batch batch(Principal principal) {
        return batch(acting(principal).orElse(null));
    }

    /** Probes as the given account (a task running for it after its request ended, as an import). */
    public Batch batch(NtmPrincipal account) {
        return batch(account == null ? null
                : new Acting(account.username(), account.role(), account.unitCode(), account.agencyId()));
    }

    private Batch batch(Acting acting) {
        return new Batch(acting, new AccessPolicy(new OnceUnits(units), new OnceAgencies(agencies),
                new OnceCatalog(catalog)));
    }

    /** One batch's probes: each directory entry read once for the batch. */
    public static final class Batch {
        private final Acting acting;
        private final AccessPolicy policy;

        private Batch(Acting acting, AccessPolicy policy) {
            this.acting = acting;
            this.policy = policy;
        }

        /** Whether the policy would let the signed-in account send this command now. */
        public boolean allows(Object command) {
            return acting != null && command != null && policy.decide(acting, command).allowed();
        }

        /** What the policy would decide of this command sent by the signed-in account now, with its reason. */
        public AccessPolicy.Decision decide(Object command) {
            return acting == null ? AccessPolicy.Decision.deny(null, org.ntmrecords.command.common.CommandText.of(
                    "access.noRule")) : policy.decide(acting, command);
        }
    }

    private record OnceUnits(UnitDirectory read, Map<String, Optional<UnitFacts>> seen) implements UnitDirectory {
        OnceUnits(UnitDirectory read) {
            this(read, new HashMap<>());
        }

        @Override
        public Optional<UnitFacts> find(String code) {
            return seen.computeIfAbsent(code == null ? "" : code, read::find);
        }
    }

    private record OnceAgencies(AgencyDirectory read, Map<String, Optional<AgencyFacts>> seen)
            implements AgencyDirectory {
        OnceAgencies(AgencyDirectory read) {
            this(read, new HashMap<>());
        }

        @Override
        public Optional<AgencyFacts> find(String agencyId) {
            return seen.computeIfAbsent(agencyId == null ? "" : agencyId, read::find);
        }
    }

    private record OnceCatalog(CriteriaCatalog read, Map<String, List<CriteriaSetDefinition>> seen)
            implements CriteriaCatalog {
        OnceCatalog(CriteriaCatalog read) {
            this(read, new HashMap<>());
        }

        @Override
        public List<CriteriaSetDefinition> versions(String setId) {
            return seen.computeIfAbsent(setId == null ? "" : setId, read::versions);
        }
    }
}
