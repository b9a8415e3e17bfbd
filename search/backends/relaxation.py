"""Relaxed matching: when few documents hold every word of a query, those holding the most
important of its words follow them, instead of nothing.

A query's words are first matched all together (what every backend did before). When that finds
fewer than :data:`RELAX_BELOW` entries, the query is *relaxed*, in the way Elasticsearch's
``minimum_should_match`` relaxes a ``bool`` query, weighted by IDF:

- the query is taken apart into *atoms*: its words, and the parts of a compound the analyser
  split (优抚对象 → 优抚, 对象; 就业创业 → 就业, 创业), while a name typed in pinyin syllables and
  a word with synonyms stay whole;
- each atom weighs its inverse document frequency in general Chinese
  (:mod:`search.analysis.weights`: 双拥 12.8, 社区 7.7; names and domain terms 10 at most),
  except that an atom common in the site's own index never outweighs one rare there
  (:func:`corpus_ordered`);
- a document then matches when the atoms it holds carry at least :data:`REQUIRED_SHARE` (half)
  of the query's weight: 双拥 alone for ``双拥 社区``, 优抚 alone for ``优抚对象``, any one of two
  equally specific words, any two of three. The combinations of atoms that just reach it
  (:func:`relaxed_plan`) are what the backends match.

The embedded backends also know how many index entries hold each atom (counted up to
:data:`RARE_MATCHES`, in the statement that counts the all-words matches up to
:data:`RELAX_BELOW`): an atom found nowhere (a typo, a word the site never uses) is left out,
and a combination made only of common atoms (a province, 战士, 牺牲 in a national martyr list)
is never used, so relaxing a rare-term query never turns it into a scan of common words. Elasticsearch, which has no such count before it answers,
gets the combinations from the weights alone.

Documents holding every word still rank first; the relaxed ones follow, ranked by ``bm25()`` /
``ts_rank`` (Elasticsearch: its own scoring, below the all-words clause).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from search.analysis import QueryTerm
from search.analysis.weights import word_weight

#: Fewer raw all-words matches than this, and the query is relaxed (two pages of results).
RELAX_BELOW = 20
#: Share of the query's weight a relaxed match must hold.
REQUIRED_SHARE = 0.5
#: An atom matched by more index entries than this is common: it never carries a relaxed match
#: without a rarer one (its frequency is counted only up to here, so the probe stays cheap: on
#: PostgreSQL each entry counted is a heap visit, and 2,000 of them made a rare query's first,
#: uncached answer 50–60 ms at two million records; 200 keep it near 16 ms).
RARE_MATCHES = 200
#: Most atoms a relaxed query is built from (the heaviest); further words only rank.
MAX_ATOMS = 8
#: Added to (SQLite, lower is better) or taken from (PostgreSQL) a relaxed match's score, so
#: that relaxed matches sort after the all-words ones, also across content types.
RELAXED_SCORE_OFFSET = 1_000.0


def relaxation_atoms(terms) -> list[QueryTerm]:
    """The atoms of a query: its terms, a compound split into its parts (see the module)."""
    atoms = []
    for term in terms:
        if term.parts and not term.whole and not term.alternatives:
            atoms.extend(QueryTerm(part) for part in term.parts)
        else:
            atoms.append(term)
    return list(dict.fromkeys(atoms))


@dataclass(frozen=True)
class RelaxedPlan:
    """The atoms of a relaxed query and the combinations of them a document may hold."""

    atoms: tuple[QueryTerm, ...]
    combinations: tuple[tuple[int, ...], ...]
    #: The rare atoms of the combinations (each combination holds one), when frequencies are known.
    rare: tuple[int, ...] = ()


def corpus_ordered(weights, frequencies):
    """``weights`` where the site's own index disagrees with general Chinese: an atom common
    here (more than ``RARE_MATCHES`` entries) weighs no more than the lightest atom rare here.

    In general Chinese 双拥 says more than 社区, but on a bureau's site 双拥 may be on thousands
    of pages and 社区 on a few dozen: there ``双拥 社区`` relaxes to 社区 (its inverse document
    frequency *here* is the higher), not to nothing, since a common atom never carries a
    relaxed match alone. Atoms found nowhere (frequency 0) keep their weight; the caller leaves
    them out."""
    rare = [weight for weight, found in zip(weights, frequencies, strict=True) if 0 < found <= RARE_MATCHES]
    if not rare:
        return list(weights)
    ceiling = min(rare)
    return [
        min(weight, ceiling) if found > RARE_MATCHES else weight
        for weight, found in zip(weights, frequencies, strict=True)
    ]


def relaxed_plan(atoms, frequencies=None) -> RelaxedPlan | None:
    """The relaxed form of a query of ``atoms`` (:func:`relaxation_atoms`); ``frequencies``,
    when known, are the index entries holding each atom (counted up to ``RARE_MATCHES + 1``).
    ``None`` when relaxing adds nothing."""
    atoms = tuple(atoms)
    if len(atoms) < 2 or (frequencies is not None and len(frequencies) != len(atoms)):
        return None
    weights = [word_weight(atom.word) for atom in atoms]
    usable = list(range(len(atoms)))
    if frequencies is not None:
        usable = [index for index in usable if frequencies[index] > 0]
        weights = corpus_ordered(weights, frequencies)
    usable = sorted(sorted(usable, key=lambda index: -weights[index])[:MAX_ATOMS])
    needed = REQUIRED_SHARE * sum(weights[index] for index in usable)
    chosen = []
    for size in range(1, len(usable) + 1):
        for combination in combinations(usable, size):
            if sum(weights[index] for index in combination) < needed - 1e-9:
                continue
            if any(set(smaller) <= set(combination) for smaller in chosen):
                continue  # a smaller combination already matches these documents
            chosen.append(combination)
    rare = ()
    if frequencies is not None:
        chosen = [c for c in chosen if any(frequencies[index] <= RARE_MATCHES for index in c)]
        rare = tuple(sorted({index for c in chosen for index in c if frequencies[index] <= RARE_MATCHES}))
    chosen = [c for c in chosen if len(c) < len(atoms)]  # all of them: the all-words query
    if not chosen:
        return None
    return RelaxedPlan(atoms, tuple(chosen), rare)
