package sweep

import "fmt"

// InputError is a problem with the command line's axes or options: the
// command exits 2 with its message.
type InputError struct{ err error }

func (e *InputError) Error() string { return e.err.Error() }
func (e *InputError) Unwrap() error { return e.err }

func badInput(format string, a ...any) error { return &InputError{fmt.Errorf(format, a...)} }
