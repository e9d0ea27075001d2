package track

import "math"

// Vec3 is a measurement or a position, velocity or acceleration vector.
type Vec3 = [3]float64

// Mat3 is a 3×3 matrix, row-major.
type Mat3 = [3][3]float64

// Vec6 is a state [x y z vx vy vz] in ECEF, m and m/s.
type Vec6 = [6]float64

// Mat6 is a 6×6 matrix, row-major.
type Mat6 = [6][6]float64

// Mat36 is a 3×6 matrix: a measurement Jacobian H.
type Mat36 = [3][6]float64

// Mat63 is a 6×3 matrix: a gain K or a cross-covariance.
type Mat63 = [6][3]float64

func ident6() Mat6 {
	var m Mat6
	for i := range 6 {
		m[i][i] = 1
	}
	return m
}

func mul6(a, b *Mat6) Mat6 {
	var c Mat6
	for i := range 6 {
		ai := &a[i]
		for j := range 6 {
			// Summed from +0 in k order, as c[i][j] += a[i][k]·b[k][j]
			// would; a zero a[i][k] adds ±0, which leaves the sum as it is
			// for a finite b.
			s := 0.0
			s += ai[0] * b[0][j]
			s += ai[1] * b[1][j]
			s += ai[2] * b[2][j]
			s += ai[3] * b[3][j]
			s += ai[4] * b[4][j]
			s += ai[5] * b[5][j]
			c[i][j] = s
		}
	}
	return c
}

// mulABAt returns A B Aᵀ, symmetrised.
func mulABAt(a, b *Mat6) Mat6 {
	ab := mul6(a, b)
	var c Mat6
	for i := range 6 {
		abi := &ab[i]
		for j := i; j < 6; j++ {
			aj := &a[j]
			s := 0.0
			s += abi[0] * aj[0]
			s += abi[1] * aj[1]
			s += abi[2] * aj[2]
			s += abi[3] * aj[3]
			s += abi[4] * aj[4]
			s += abi[5] * aj[5]
			c[i][j], c[j][i] = s, s
		}
	}
	return c
}

// mulABAtPositionGain is mulABAt for A = I − K H with H zero in its
// velocity columns, so that A's last three columns are those of I
// (exactly: 1 − 0 and 0 − (±0)). It sums the same products in the same
// order as mulABAt and leaves out only those with a zero factor, which add
// ±0 and so change nothing for a finite B.
func mulABAtPositionGain(a, b *Mat6) Mat6 {
	var ab Mat6
	for i := range 6 {
		ai := &a[i]
		for j := range 6 {
			s := 0.0
			s += ai[0] * b[0][j]
			s += ai[1] * b[1][j]
			s += ai[2] * b[2][j]
			if i >= 3 {
				s += b[i][j] // a[i][i] = 1
			}
			ab[i][j] = s
		}
	}
	var c Mat6
	for i := range 6 {
		abi := &ab[i]
		for j := i; j < 6; j++ {
			aj := &a[j]
			s := 0.0
			s += abi[0] * aj[0]
			s += abi[1] * aj[1]
			s += abi[2] * aj[2]
			if j >= 3 {
				s += abi[j] // a[j][j] = 1
			}
			c[i][j], c[j][i] = s, s
		}
	}
	return c
}

func add6(a, b *Mat6) Mat6 {
	var c Mat6
	for i := range 6 {
		for j := range 6 {
			c[i][j] = a[i][j] + b[i][j]
		}
	}
	return c
}

func mulVec6(a *Mat6, x *Vec6) Vec6 {
	var y Vec6
	for i := range 6 {
		var s float64
		for j := range 6 {
			s += a[i][j] * x[j]
		}
		y[i] = s
	}
	return y
}

// inv3 returns the inverse and determinant of a 3×3 matrix by cofactors.
// ok is false when the matrix is singular to working precision.
func inv3(a *Mat3) (inv Mat3, det float64, ok bool) {
	c00 := a[1][1]*a[2][2] - a[1][2]*a[2][1]
	c01 := a[1][2]*a[2][0] - a[1][0]*a[2][2]
	c02 := a[1][0]*a[2][1] - a[1][1]*a[2][0]
	det = a[0][0]*c00 + a[0][1]*c01 + a[0][2]*c02
	scale := math.Abs(a[0][0]) + math.Abs(a[1][1]) + math.Abs(a[2][2])
	if det == 0 || math.IsNaN(det) || math.Abs(det) < 1e-300*scale {
		return inv, det, false
	}
	d := 1 / det
	inv[0][0] = c00 * d
	inv[1][0] = c01 * d
	inv[2][0] = c02 * d
	inv[0][1] = (a[0][2]*a[2][1] - a[0][1]*a[2][2]) * d
	inv[1][1] = (a[0][0]*a[2][2] - a[0][2]*a[2][0]) * d
	inv[2][1] = (a[0][1]*a[2][0] - a[0][0]*a[2][1]) * d
	inv[0][2] = (a[0][1]*a[1][2] - a[0][2]*a[1][1]) * d
	inv[1][2] = (a[0][2]*a[1][0] - a[0][0]*a[1][2]) * d
	inv[2][2] = (a[0][0]*a[1][1] - a[0][1]*a[1][0]) * d
	return inv, det, true
}

// inv3Sym is inv3 for a symmetric a (a[i][j] and a[j][i] the same
// bits), written to inv: the same result, bit for bit, with each entry
// below the diagonal mirrored from its twin above it, whose products are
// the same (multiplication commutes in IEEE 754). inv holds nothing
// usable when ok is false.
func inv3Sym(a *Mat3, inv *Mat3) (det float64, ok bool) {
	c00 := a[1][1]*a[2][2] - a[1][2]*a[2][1]
	c01 := a[1][2]*a[2][0] - a[1][0]*a[2][2]
	c02 := a[1][0]*a[2][1] - a[1][1]*a[2][0]
	det = a[0][0]*c00 + a[0][1]*c01 + a[0][2]*c02
	scale := math.Abs(a[0][0]) + math.Abs(a[1][1]) + math.Abs(a[2][2])
	if det == 0 || math.IsNaN(det) || math.Abs(det) < 1e-300*scale {
		return det, false
	}
	d := 1 / det
	inv[0][0] = c00 * d
	inv[1][0] = c01 * d
	inv[2][0] = c02 * d
	inv[0][1] = inv[1][0]
	inv[1][1] = (a[0][0]*a[2][2] - a[0][2]*a[2][0]) * d
	inv[2][1] = (a[0][1]*a[2][0] - a[0][0]*a[2][1]) * d
	inv[0][2] = inv[2][0]
	inv[1][2] = inv[2][1]
	inv[2][2] = (a[0][0]*a[1][1] - a[0][1]*a[1][0]) * d
	return det, true
}

// chol6 returns the lower Cholesky factor L (P = L Lᵀ); ok is false when P
// is not positive definite.
func chol6(p *Mat6) (l Mat6, ok bool) {
	for j := range 6 {
		s := p[j][j]
		for k := range j {
			s -= l[j][k] * l[j][k]
		}
		if !(s > 0) {
			return l, false
		}
		d := math.Sqrt(s)
		l[j][j] = d
		for i := j + 1; i < 6; i++ {
			t := p[i][j]
			for k := range j {
				t -= l[i][k] * l[j][k]
			}
			l[i][j] = t / d
		}
	}
	return l, true
}

// chol3 is chol6 for 3×3 matrices.
func chol3(p *Mat3) (l Mat3, ok bool) {
	for j := range 3 {
		s := p[j][j]
		for k := range j {
			s -= l[j][k] * l[j][k]
		}
		if !(s > 0) {
			return l, false
		}
		d := math.Sqrt(s)
		l[j][j] = d
		for i := j + 1; i < 3; i++ {
			t := p[i][j]
			for k := range j {
				t -= l[i][k] * l[j][k]
			}
			l[i][j] = t / d
		}
	}
	return l, true
}

// invSPD6 returns the inverse of a symmetric positive-definite 6×6 matrix
// and log det, by Cholesky.
func invSPD6(p *Mat6) (inv Mat6, logDet float64, ok bool) {
	l, ok := chol6(p)
	if !ok {
		return inv, 0, false
	}
	li := invLower6(&l)
	return invFromLower6(&li), logDetChol6(&l), true
}

// invLower6 returns L⁻¹ of a lower-triangular L with a positive diagonal
// (a Cholesky factor), by forward substitution row by row.
func invLower6(l *Mat6) (li Mat6) {
	for i := range 6 {
		li[i][i] = 1 / l[i][i]
		for j := range i {
			var s float64
			for k := j; k < i; k++ {
				s += l[i][k] * li[k][j]
			}
			li[i][j] = -s / l[i][i]
		}
	}
	return li
}

// invFromLower6 returns P⁻¹ = L⁻ᵀ L⁻¹ from li = L⁻¹, symmetric.
func invFromLower6(li *Mat6) (inv Mat6) {
	for i := range 6 {
		for j := i; j < 6; j++ {
			var s float64
			for k := j; k < 6; k++ {
				s += li[k][i] * li[k][j]
			}
			inv[i][j], inv[j][i] = s, s
		}
	}
	return inv
}

// wrapPi wraps an angle to (−π, π].
func wrapPi(a float64) float64 {
	if a > -math.Pi && a <= math.Pi {
		return a
	}
	a = math.Mod(a+math.Pi, 2*math.Pi)
	if a <= 0 {
		a += 2 * math.Pi
	}
	return a - math.Pi
}

// eigSym3Max returns the largest eigenvalue of a symmetric 3×3 matrix, by
// the trigonometric solution of the characteristic cubic (Smith, Comm. ACM
// 4(4), 168, 1961).
func eigSym3Max(a *Mat3) float64 {
	p1 := a[0][1]*a[0][1] + a[0][2]*a[0][2] + a[1][2]*a[1][2]
	q := (a[0][0] + a[1][1] + a[2][2]) / 3
	if p1 == 0 {
		return math.Max(a[0][0], math.Max(a[1][1], a[2][2]))
	}
	d0, d1, d2 := a[0][0]-q, a[1][1]-q, a[2][2]-q
	p2 := d0*d0 + d1*d1 + d2*d2 + 2*p1
	p := math.Sqrt(p2 / 6)
	// B = (A − qI)/p; r = det(B)/2.
	b00, b11, b22 := d0/p, d1/p, d2/p
	b01, b02, b12 := a[0][1]/p, a[0][2]/p, a[1][2]/p
	r := (b00*(b11*b22-b12*b12) - b01*(b01*b22-b12*b02) + b02*(b01*b12-b11*b02)) / 2
	r = math.Max(-1, math.Min(1, r))
	phi := math.Acos(r) / 3
	return q + 2*p*math.Cos(phi)
}
