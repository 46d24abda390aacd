package dev.opsbook.model;

/**
 * Something in content that looks like a credential. The value itself is never kept: only a masked
 * form that is safe to print in messages and reports.
 *
 * @param kind   what it looks like ("an AWS access key", "a private key block" …)
 * @param masked the value with all but a recognisable prefix hidden
 */
public record Secret(String kind, String masked, Pos pos, String service) {}
