package org.paperless.bench.corpus; public class CorpusGenerator { public static void main(String[] a){} }
