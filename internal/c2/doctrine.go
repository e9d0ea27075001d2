package c2

// Doctrine is a command's firing doctrine.
type Doctrine struct {
	// Salvo is the number of interceptors fired at one threat in one look;
	// fewer when rounds are short and the assignment spreads them.
	Salvo int
	// SalvoCruise and SalvoAircraft are the salvos at cruise missiles and
	// at aircraft; 0: Salvo. Ballistic missiles get Salvo.
	SalvoCruise, SalvoAircraft int
	// ShootLookShoot, when true, re-engages a threat that survived a salvo
	// if the launch window still allows a shot after the kill assessment.
	// When false each threat gets one salvo.
	ShootLookShoot bool
	// KillAssessmentS is the time from an intercept until its outcome is
	// known, s.
	KillAssessmentS float64
	// Reserve is the number of rounds each launcher holds back for threats
	// to assets worth at least ReserveMinValue.
	Reserve         int
	ReserveMinValue float64
}

// Doctrine defaults: assumptions, stated in the scenario format reference.
const (
	DefaultSalvo           = 2    // two-shot salvo, the usual BMD planning figure
	DefaultKillAssessmentS = 10.0 // s, assumption
)

// DefaultDoctrine is the doctrine of a command that is given none: two-shot
// salvos, shoot-look-shoot, 10 s kill assessment, no reserve.
func DefaultDoctrine() Doctrine {
	return Doctrine{Salvo: DefaultSalvo, ShootLookShoot: true, KillAssessmentS: DefaultKillAssessmentS}
}
