package study

import (
	"strconv"
	"strings"
)

// neutralizeCells returns rows with every cell that a spreadsheet would
// run as a formula made inert, as OWASP's "CSV Injection" page
// recommends: a cell starting with =, +, -, @, tab or carriage return gets
// a leading single quote. A cell that is a number ("-12.5", "+3") is
// left as it is, so that negative values stay numbers for the analyst.
func neutralizeCells(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = row
		copied := false
		for j, c := range row {
			if !formulaLike(c) {
				continue
			}
			if !copied { // the caller's rows stay as they are
				out[i], copied = append([]string(nil), row...), true
			}
			out[i][j] = "'" + c
		}
	}
	return out
}

func formulaLike(c string) bool {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return false
	}
	_, err := strconv.ParseFloat(c, 64)
	return err != nil
}
