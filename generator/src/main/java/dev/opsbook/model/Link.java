package dev.opsbook.model;

/** A titled external link from YAML ({@code { title: Source, url: "https://…" }}). */
public record Link(String title, String url, Pos pos) {}
