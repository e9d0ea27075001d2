// Package wta solves the static weapon-target assignment (WTA) problem.
//
// There are m weapon types and n targets. Type i has μ_i identical units,
// target j has value w_j ≥ 0, and one unit of type i fired at target j kills
// it with probability p_ij, independently of every other shot. With x_ij ∈ ℕ
// units of type i fired at target j, the expected surviving value is
//
//	F(x) = Σ_j w_j Π_i q_ij^(x_ij),   q_ij = 1 − p_ij,
//
// and the problem is to minimise F subject to Σ_j x_ij ≤ μ_i for each i
// (Manne 1958). Firing a unit never raises F, so some optimum fires every
// unit. The problem is NP-hard (Lloyd & Witsenhausen 1986).
//
// Conventions: a [Problem] holds Values[j] = w_j (in any one unit; F is
// in the same unit), Units[i] = μ_i and P[i][j] = p_ij ∈ [0, 1], indexed
// weapon type first; a [Solution]'s Assign[i][j] = x_ij is indexed the same
// way. There are no physical units. Problems are read from YAML (ReadYAML)
// or from Andersen, Pavlikov and Toffolo's text format (ReadToffolo).
//
// Solvers:
//
//   - Greedy is the maximum marginal return rule: fire, one unit at a time,
//     the unit and target with the largest decrease V_j p_ij of F, where V_j
//     is target j's current surviving value.
//   - Heuristic starts from Greedy and runs local search over two
//     neighbourhoods (move one unit to another target; swap two units of
//     different types between their targets) to a local optimum, then
//     iterated local search: ruin (take a few random units off) and
//     recreate (put them back greedily), then local search again, keeping
//     the best. Its random generator is seeded, so its answer depends on the
//     input and Options.Seed only (unless the context ends the search).
//   - Exact is a depth-first branch and bound over the units, pruned by the
//     slot bound below and started from Heuristic's answer. When the context
//     ends it returns the incumbent and the smallest bound of the open nodes.
//
// The slot bound. Put the units fired at target j in order of decreasing
// kill probability, i_1, i_2, …. The k-th unit removes
// w_j p_(i_k j) Π_(l<k) q_(i_l j) ≤ w_j p_(i_k j) q_(i_k j)^(k−1) of value,
// because every earlier unit has q ≤ q_(i_k j). Hence
//
//	F(x) ≥ Σ_j w_j − max Σ_(i,j,k) y_ijk w_j p_ij q_ij^(k−1)
//
// where y assigns every unit to at most one slot (j, k) and every slot takes
// at most one unit: a transportation problem, solved as a linear assignment
// of units to slots. Slots k > K may be merged into one uncapacitated tail
// slot priced at k = K+1, which keeps the bound valid and the problem small.
// It is a bound of the kind of Ahuja et al.'s (2007) minimum cost flow
// lower bound.
// Inside the branch and bound, w_j is replaced by the surviving value of
// target j after the units already fixed there. The slot bound is tight when
// targets rarely need more than one unit (it proves the published optima of
// the instances with one unit a type at the root) and weak when they do.
//
// The continuous bound is the Lagrangian dual of the relaxation x_ij ≥ 0
// (see continuousBound), maximised by subgradient ascent. It is weaker on
// sparse instances but positive on crowded ones. RootBound is the larger.
//
// References:
//   - A. S. Manne, "A target-assignment problem", Operations Research 6(3),
//     346–351 (1958), doi:10.1287/opre.6.3.346.
//   - S. P. Lloyd and H. S. Witsenhausen, "Weapons allocation is NP-complete",
//     Proc. 1986 Summer Computer Simulation Conference, 1054–1058.
//   - R. K. Ahuja, A. Kumar, K. C. Jha and J. B. Orlin, "Exact and heuristic
//     algorithms for the weapon-target assignment problem", Operations
//     Research 55(6), 1136–1146 (2007), doi:10.1287/opre.1070.0440.
//   - A. C. Andersen, K. Pavlikov and T. A. M. Toffolo, "Weapon-target
//     assignment problem: exact and approximate solution algorithms",
//     Annals of Operations Research (2022), doi:10.1007/s10479-022-04525-6.
//     Its instances (github.com/tuliotoffolo/wta) are read by ReadToffolo.
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package wta
