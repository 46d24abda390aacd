package dev.opsbook.model;

import java.util.List;

/** {@code teams/<id>.yaml}: a team and its people. */
public record Team(String id, String name, String email, String chat, List<Person> members, Pos pos) {}
