package org.ntmrecords.command.common;

/** Why a command was refused. Exposed as the GraphQL {@code ErrorCode} enum; names are part of the API. */
public enum RejectionCode {
    INVALID_INPUT,
    UNKNOWN_UNIT,
    UNKNOWN_PARENT,
    INVALID_PARENT,
    UNKNOWN_CRITERIA_SET,
    UNKNOWN_CRITERIA_SET_VERSION,
    UNKNOWN_INDICATOR,
    UNKNOWN_VALUE,
    ALREADY_EXISTS,
    ALREADY_TRACKED,
    NOT_TRACKED,
    UNIT_LEVEL_MISMATCH,
    INVALID_DEFINITION,
    WRONG_VALUE_KIND,
    OUT_OF_RANGE,
    IMPOSSIBLE_RATIO,
    FUTURE_DATE,
    INVALID_PERIOD,
    ALREADY_CORRECTED,
    NO_CHANGE,
    NOT_ALLOWED,
    UNKNOWN_AGENCY,
    UNKNOWN_ACCOUNT
}
