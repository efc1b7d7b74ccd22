# Checks __getitem__ (indexing, incl. a negative index passed through) and __setitem__ (index assignment updates the struct variable).
struct Deck:
    var cards: List[String]

    fn __getitem__(self, i: Int) -> String:
        return self.cards[i]

    fn __setitem__(mut self, i: Int, v: String):
        self.cards[i] = v

fn main():
    var d = Deck(["A", "K", "7"])
    print(d[1], d[-1])
    d[0] = "Q"
    print(d.cards)
# expect: K 7
# expect: ['Q', 'K', '7']
