// Package radar models radars: the radar range equation, detection
// probability for Swerling targets, the radar horizon and line of sight
// over the 4/3 Earth, the field of regard, measurement noise, and the
// search and track schedule of a catalog radar.
//
// Conventions: SI units and radians inside (W, s, Hz, m, m², K); SNRs are
// linear power ratios and losses linear factors ≥ 1 — DB and FromDB
// convert. Azimuths are clockwise from north, elevations above the local
// (geodetic) horizontal at the site. SNRs are single-pulse values unless
// named otherwise; a Detector integrates the pulses of a dwell.
//
// # Range equation
//
// Equation is the pulse-energy form SNR = Pt·τ·Gt·Gr·λ²·σ/((4π)³·k·Ts·L·R⁴)
// and its inverse for range. A catalog radar's energy per dwell is its
// average power times its dwell time (FromCatalog).
//
// # Detection
//
// Detector gives Pd for a square-law detector with n pulses integrated
// coherently or not, a threshold set for Pfa (from the inverse incomplete
// gamma function), and Swerling cases 0 to 4. Pd is exact: a
// negative-binomial (Poisson for case 0) mixture of incomplete gamma
// functions, which contains Marcum's Q and the Swerling closed forms.
// RequiredSNR inverts it by bisection. The tests check it against
// published exact values (13.18 dB for a steady target and 21.14 dB for
// case 1 at Pd 0.9, Pfa 1e-6), the closed forms, Monte Carlo simulation,
// and Albersheim's and Shnidman's equations within their stated accuracy.
//
// # Geometry
//
// LineOfSight replaces the ellipsoid along the path by its osculating
// sphere in the path's azimuth and that by the 4/3 effective Earth, on
// which rays are straight. HorizonRange is the spherical form. Radar
// checks instrumented range (and the blind range cτ/2 of a monostatic
// pulsed radar, BlindRange), apparent elevation limits, the azimuth
// sector and the line of sight before computing SNR and Pd; Look then
// draws the detection and a noisy range, azimuth and elevation with its
// covariance; a measured range is never shorter than the blind range. All
// randomness comes from the caller's generator.
//
// Look decides what Observe would at less cost: it checks the sector
// before the line of sight, and draws against Pd tabulated on a grid of
// SNR (0.047 dB), computing Pd only for a draw between two grid values —
// Pd increases with SNR, so the decision is exact. Hidden and Clear bound
// the visibility of everything within a distance of a point, one way
// each: Hidden that nothing there is visible, Clear that all of it is in
// sight (elevation limits and line of sight), so that LookInSight may skip
// the line of sight.
//
// # Low altitude
//
// A radar's antenna stands its catalog antenna_height_m above its site
// (FromCatalog; FromCatalogHeight for a site's own mast, tower or, for an
// airborne radar such as the E-3's AN/APY-2, its station altitude: the
// orbit is a fixed station, its motion not modelled). The line of sight
// then runs from that height to the target's over the 4/3 Earth, so a
// low flier is seen to HorizonRange(ha, ht): 4.12 (√ha + √ht) km for
// heights in m. A raised antenna steers its lowest beam to the horizon's
// dip (HorizonDip), so min_elevation_deg is measured from it; a radar at
// its site keeps it from the horizontal. A target in surface clutter —
// the surface at its range in view of the antenna and within half a
// beamwidth below it (clutter.go) — has its SNR divided by ClutterLoss,
// the catalog's clutter_loss_db, a stated loss after Doppler processing.
//
// References:
//   - M. I. Skolnik, Introduction to Radar Systems, 3rd ed., McGraw-Hill, 2001.
//   - M. A. Richards, Fundamentals of Radar Signal Processing, 2nd ed.,
//     McGraw-Hill, 2014.
//   - B. R. Mahafza, Radar Systems Analysis and Design Using MATLAB, 3rd ed.,
//     CRC Press, 2013.
//   - J. V. DiFranco and W. L. Rubin, Radar Detection, Prentice-Hall, 1968.
//   - D. P. Meyer and H. A. Mayer, Radar Target Detection: Handbook of
//     Theory and Practice, Academic Press, 1973.
//   - P. Swerling, "Probability of detection for fluctuating targets",
//     IRE Trans. IT-6, 269–308 (1960).
//   - D. A. Shnidman, "Radar detection probabilities and their
//     calculation", IEEE Trans. AES 31(3), 928–950 (1995); "Determination
//     of required SNR values", IEEE Trans. AES 38(3), 1059–1064 (2002).
//   - W. J. Albersheim, "A closed-form approximation to Robertson's
//     detection characteristics", Proc. IEEE 69(7), 839 (1981).
//
// Stability: the exported API is v0 (the module has no tagged release yet):
// names, signatures and behaviour may change between minor versions. There is
// no CHANGELOG; changes are noted in the commit messages.
package radar
