package export

import (
	"encoding/json"
	"math"
	"strconv"
)

// Precision of written coordinates, in decimals.
const (
	// degreeDecimals for CZML and KML: 1e-7° is about 1 cm on the ground,
	// below the accuracy of any model here.
	degreeDecimals = 7
	// heightDecimals for CZML and KML: 1 cm, as for the degrees.
	heightDecimals = 2
	// geoJSONDegreeDecimals: RFC 7946 §11.2, six decimals, about 10 cm.
	geoJSONDegreeDecimals = 6
	// geoJSONHeightDecimals: 0.1 m, to match the horizontal 10 cm.
	geoJSONHeightDecimals = 1
)

// round rounds x to decimals, with −0 written as 0.
func round(x float64, decimals int) float64 {
	p := math.Pow10(decimals)
	r := math.Round(x*p) / p
	if r == 0 {
		return 0 // and not −0
	}
	return r
}

// num formats x rounded to decimals, in the shortest form that reads back
// as the rounded value: no exponent, no trailing zeros.
func num(x float64, decimals int) string {
	return strconv.FormatFloat(round(x, decimals), 'f', -1, 64)
}

// jnum is num as a JSON number.
func jnum(x float64, decimals int) json.Number {
	return json.Number(num(x, decimals))
}

// exact formats x in the shortest form that reads back exactly, for times.
func exact(x float64) json.Number {
	if x == 0 {
		x = 0 // and not −0
	}
	return json.Number(strconv.FormatFloat(x, 'f', -1, 64))
}
