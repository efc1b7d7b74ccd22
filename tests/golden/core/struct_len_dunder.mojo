# Checks that len() of a struct calls its __len__.
struct Deck:
    var cards: List[String]

    fn __len__(self) -> Int:
        return len(self.cards)

fn main():
    let d = Deck(["A", "K", "7"])
    print(len(d), len(Deck([])))
# expect: 3 0
