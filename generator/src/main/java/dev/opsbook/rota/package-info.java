/**
 * Rotas in time: expands a {@link Rota} into who holds each role when, with
 * {@code java.time}, from the shift in progress at the as-of date to the horizon.
 */
package dev.opsbook.rota;

import dev.opsbook.model.Rota;
