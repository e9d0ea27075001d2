// Package launchdetect models space-based infrared launch detection (DSP,
// SBIRS, EKS): a sensor that sees a missile's boost plume once it climbs
// above the cloud tops and, after a processing and relay delay, reports the
// launch point and time so that radars can be cued.
//
// The model is deliberately simple and every parameter is an assumption,
// marked as such (see Default): real sensor performance is classified. What
// open analyses agree on is the shape of it: warning comes only while the
// missile burns, within tens of seconds of launch, with a launch-point error
// of a few kilometres (APS Study Group on Boost-Phase Intercept Systems for
// National Missile Defense, Rev. Mod. Phys. 76, S1 (2004), §3 and §9, which
// assume launch detection and first track within roughly 30 to 60 s).
//
// Cruise missiles and flights whose boost ends below the visibility altitude
// are not reported.
package launchdetect
