/**
 * Calendar feeds (RFC 5545, written with ical4j): a service's rota and a person's shifts, one event
 * per shift and role, in the rota's real time zone, with stable UIDs and no build timestamp.
 */
package dev.opsbook.ical;
