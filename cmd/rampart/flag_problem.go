package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"
)

// flagProblem words a flag value that does not parse for a person: the
// flag, the value and what it takes ("--seed "abc" is not allowed;
// allowed: a whole number"), not the parser's message (strconv.ParseInt:
// parsing "abc": invalid syntax). Other flag errors pass through.
func flagProblem(err error) error {
	var iv *pflag.InvalidValueError
	if !errors.As(err, &iv) {
		return err
	}
	f := iv.GetFlag()
	return fmt.Errorf("--%s %q is not allowed; allowed: %s", f.Name, iv.GetValue(), flagTakes(f.Value.Type()))
}

// flagTakes says in words what a flag of pflag type typ takes.
func flagTakes(typ string) string {
	switch typ {
	case "int", "int8", "int16", "int32", "int64":
		return "a whole number"
	case "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number, 0 or more"
	case "float32", "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "duration":
		return "a duration such as 30s or 5m"
	}
	return "a " + typ
}
