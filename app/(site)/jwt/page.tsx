export const metadata = { title: 'JWT debugger' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">JWT debugger</h1>
      <p className="mt-3 text-slate-700">Coming soon.</p>
    </>
  );
}
