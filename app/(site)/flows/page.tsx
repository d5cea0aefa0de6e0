export const metadata = { title: 'Flows' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">Flows</h1>
      <p className="mt-3 text-slate-700">Coming soon.</p>
    </>
  );
}
