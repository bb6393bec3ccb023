<h1>Model</h1>
<p>If by common definition of model is classes of object based database relational model, we actually provide no ORM for this. And if it's really (ORM) what you're looking for, take a look at some existing ORMs out there :</p>
<h2>1. Some ORM</h2>
<h3>1.1 Laravel Eloquent</h3>
<p>Pretty nice datamapper. You may find the docs here :</p>
<table class='table'>
	<tr>
		<td style="width:100px;">Docs</td><td>: <a target="_blank" href='http://laravel.com/docs/4.2/eloquent'>Documentation</a></td>
	</tr>
	<tr>
		<td>Github</td><td>: <a target="_blank" href='https://github.com/illuminate/database'>Github</a></td>
	</tr>
</table>
<p>p/s : Used in some of my project, like <a target="_blank" href='http://github.com/eimihar/persona'>Persona</a> and etc.</p>
<h3>1.2 Symfony Doctrine2</h3>
<p>Powerful and highly advanced ORM.</p>
<table class='table'>
	<tr>
		<td style="width:100px;">Docs</td><td>: <a target="_blank" href='http://symfony.com/doc/current/book/doctrine.html'>Documentation</a></td>
	</tr>
	<tr>
		<td>Github</td><td>: <a target="_blank" href='https://github.com/doctrine/doctrine2'>Github</a></td>
	</tr>
</table>
<h3>1.3 Redbean PHP</h3>
<p>A independant datamapper.</p>
<table class='table'>
	<tr>
		<td style="width:100px;">Docs</td><td>: <a target="_blank" href='http://redbeanphp.com/'>Documentation</a></td>
	</tr>
	<tr>
		<td>Github</td><td>: <a target="_blank" href='https://github.com/gabordemooij/redbean'>Github</a></td>
	</tr>
</table>
<h3>1.3 Spot ORM</h3>
<p>A Datamapper built on doctrine/dbal.</p>
<table class='table'>
	<tr>
		<td style="width:100px;">Docs</td><td>: <a target="_blank" href='http://phpdatamapper.com/docs/'>Documentation</a></td>
	</tr>
	<tr>
		<td>Github</td><td>: <a target="_blank" href='https://github.com/vlucas/spot2'>Github</a></td>
	</tr>
</table>