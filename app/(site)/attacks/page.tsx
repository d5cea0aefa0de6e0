export const metadata = { title: 'Attack lab' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">Attack lab</h1>
      <p className="mt-3 text-slate-700">Coming soon.</p>
    </>
  );
}
