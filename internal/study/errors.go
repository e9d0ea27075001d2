package study

import "fmt"

// InputError is an error caused by the run's input (the scenario or the
// options), not by a fault of the program.
type InputError struct{ err error }

func (e *InputError) Error() string { return e.err.Error() }
func (e *InputError) Unwrap() error { return e.err }

// badInput formats an InputError.
func badInput(format string, a ...any) error { return &InputError{fmt.Errorf(format, a...)} }
