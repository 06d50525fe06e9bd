package kz.qujat.domain;

/** The document an applicant asks to replace (R1: only ID cards online). */
public enum DocumentType { ID_CARD, PASSPORT }
