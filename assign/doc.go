// Package assign solves the linear assignment problem on rectangular cost
// matrices with forbidden pairs.
//
// Given an n×m cost matrix C, with +Inf marking forbidden pairs, Solve finds
// a matching (each row to at most one column and each column to at most one
// row, using only allowed pairs) that has the largest possible number of
// pairs and, among those, the least total cost.
//
// The algorithm is the shortest augmenting path method with dual potentials
// (Kuhn–Munkres in the form used by the augmentation phase of Jonker &
// Volgenant 1987): each row in turn is added by a Dijkstra-like search for
// the cheapest augmenting path in reduced costs, O(n²m) for n ≤ m. A wider
// matrix is solved as its transpose. Forbidden pairs are replaced by a cost
// BIG larger than (k+1)(spread+1), k = min(n, m), so that any matching with
// fewer forbidden pairs costs less than any with more; pairs left on BIG are
// dropped from the answer.
//
// Conventions: the cost matrix is a flat row-major slice, cost[i·cols+j]
// being the cost of pairing row i with column j, in any one unit (costs may
// be negative; to maximise a value, pass its negative). +Inf forbids a pair;
// NaN and −Inf are rejected with ErrBadCost. The answer is written to rowCol:
// the column of each row, or −1 for a row left unpaired. The package has no
// physical units and no dependencies beyond the standard library; wta uses
// it for its slot bound.
//
// References:
//   - H. W. Kuhn, "The Hungarian method for the assignment problem", Naval
//     Research Logistics Quarterly 2, 83–97 (1955).
//   - R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for
//     dense and sparse linear assignment problems", Computing 38, 325–340
//     (1987), doi:10.1007/BF02278710.
//   - D. F. Crouse, "On implementing 2D rectangular assignment algorithms",
//     IEEE Trans. Aerospace and Electronic Systems 52(4), 1679–1696 (2016),
//     doi:10.1109/TAES.2016.140952.
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package assign
