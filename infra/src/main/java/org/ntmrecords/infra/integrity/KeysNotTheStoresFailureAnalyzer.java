package org.ntmrecords.infra.integrity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused because the key directory is not the store's ({@link RestoredKeysCheck}) is reported as what it is,
 * with what to do, instead of as a stack trace.
 */
public class KeysNotTheStoresFailureAnalyzer extends AbstractFailureAnalyzer<RestoredKeysCheck.KeysNotTheStoresException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RestoredKeysCheck.KeysNotTheStoresException cause) {
        return new FailureAnalysis(cause.getMessage(), "Restore the key directory (ntm.integrity.key-directory) that "
                + "was backed up with this database, then start again (docs/operations.md, \"Backups and restore\").",
                cause);
    }
}
