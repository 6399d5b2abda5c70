package quantity

import (
	"math/big"
	"strconv"
)

// Scale returns x × factor as the float64 nearest to the exact decimal
// product of the two numbers as written: 41.8 × 1e8 is 4.18e9, where the
// binary product is 4179999999.9999995. x and factor are taken at their
// shortest decimal representation, which is what a document wrote (a
// number ParseNumber read) or a unit scale means (1e6 for "million").
// Spreadsheets keep 15 significant digits, and the published CSV writes the
// shortest representation, so a product off by one binary digit would be
// published, and read back, as a different number.
func Scale(x, factor float64) float64 {
	a, okA := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	b, okB := new(big.Rat).SetString(strconv.FormatFloat(factor, 'g', -1, 64))
	if !okA || !okB { // NaN or ±Inf
		return x * factor
	}
	f, _ := a.Mul(a, b).Float64()
	return f
}
