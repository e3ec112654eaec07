fn main() {
    println!("spillover");
}
